/** The agent's manifests and their apply, status, upgrade and uninstall. */
package dev.meridian.installer;
