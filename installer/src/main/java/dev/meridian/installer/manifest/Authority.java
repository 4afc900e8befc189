package dev.meridian.installer.manifest;

import java.util.Objects;

/** Where the agent validates bearer tokens with TokenReviews. */
public sealed interface Authority {

    /** The connected cluster's own API server (the default). */
    static Authority local() {
        return new Local();
    }

    /**
     * The management plane, reached with the given kubeconfig (see {@code PlaneManifests} for the
     * ServiceAccount and token that back it). The kubeconfig goes into Secret
     * {@code loft-agent-authority} in the agent namespace, never into other objects.
     */
    static Authority managementPlane(String kubeconfig) {
        return new ManagementPlane(kubeconfig);
    }

    /** TokenReviews go to the connected cluster itself. */
    record Local() implements Authority {}

    /** TokenReviews go to the management plane through {@code kubeconfig}. */
    record ManagementPlane(String kubeconfig) implements Authority {
        public ManagementPlane {
            Objects.requireNonNull(kubeconfig, "kubeconfig");
            if (kubeconfig.isBlank()) {
                throw new InvalidSpecException("authority kubeconfig", "", "must not be empty");
            }
        }

        @Override
        public String toString() {
            // The kubeconfig holds a token: keep it out of logs and messages.
            return "ManagementPlane[kubeconfig=<redacted>]";
        }
    }
}
