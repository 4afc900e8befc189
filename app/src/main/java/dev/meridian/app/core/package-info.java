/**
 * What every other package of the app may use and which uses none of them: the error root
 * {@link dev.meridian.app.core.MeridianException} and its kinds. Keep it a leaf, so services
 * and front-ends can share it without a package cycle.
 */
package dev.meridian.app.core;
