/**
 * The management plane as one-shot commands see it: read a Cluster, list them, read the plane's
 * gateway record. {@link dev.meridian.app.plane.Plane} is the one interface; {@link
 * dev.meridian.app.plane.HttpPlane} answers it with a few JDK HTTPS requests and a streaming JSON
 * parse (a command is over in a few hundred milliseconds), {@link dev.meridian.app.plane.FabricPlane}
 * with fabric8 for what only fabric8 does here (exec credential plugins, tls-server-name, an https
 * proxy). The desktop app's watches and the installer's server-side apply stay on fabric8.
 */
package dev.meridian.app.plane;
