package dev.meridian.app.fleet;

import dev.meridian.app.core.MeridianException;

/**
 * What a failed request to the management plane means to the user, whichever client made it:
 * {@link ManagementErrors} for fabric8's exceptions, the light client of one-shot commands for
 * its HTTP answers. No fabric8 type here, so the light path never loads one.
 */
public final class ManagementFailures {
    private ManagementFailures() {}

    /** The plane answered {@code code} (with {@code detail}, the Status message, when it sent one). */
    public static MeridianException answered(String action, int code, String detail, Throwable cause) {
        if (code == 401 || code == 403) {
            return new MeridianException.ManagementPlane(
                    "Could not " + action + ": the management plane refused the credentials (HTTP " + code
                            + "). Log in again or pick another context with --context.",
                    cause);
        }
        if (code == 404) {
            return new MeridianException.ManagementPlane(
                    "Could not " + action + ": the management plane does not "
                            + "serve clusters.management.loft.sh/v1. Point --context at a vCluster Platform, or run "
                            + "'meridian plane install' to make this cluster a management plane.",
                    cause);
        }
        return new MeridianException.ManagementPlane(
                "Could not " + action + ": the management plane answered HTTP " + code
                        + (detail == null || detail.isBlank() ? "" : " (" + detail + ")") + ".",
                cause);
    }

    /** The plane could not be reached; {@code why} is the underlying reason. */
    public static MeridianException unreachable(String action, String why, Throwable cause) {
        return new MeridianException.ManagementPlane(
                "Could not " + action + ": the management plane is unreachable (" + why
                        + "). Check the network and the server of the context.",
                cause);
    }

    /** The cluster is not in the plane. */
    public static MeridianException clusterNotFound(String name) {
        return new MeridianException.NotFound("Cluster '" + name + "' does not exist in the management plane. "
                + "Run 'meridian cluster list' to see the connected clusters.");
    }
}
