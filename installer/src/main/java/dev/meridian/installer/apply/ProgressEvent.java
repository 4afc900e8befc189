package dev.meridian.installer.apply;

import java.time.Duration;

/** What the installer reports while it works; {@link #message()} is a line for people. */
public sealed interface ProgressEvent {

    String message();

    /** One object was applied. */
    record ObjectApplied(ObjectRef object, Change change) implements ProgressEvent {
        @Override
        public String message() {
            return object + " " + change.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An object was left as it was (e.g. a namespace that existed before and is not ours). */
    record ObjectKept(ObjectRef object, String reason) implements ProgressEvent {
        @Override
        public String message() {
            return object + " kept: " + reason;
        }
    }

    /** An existing object was taken over (e.g. an Ingress made by hand for the same host). */
    record ObjectAdopted(ObjectRef object, String reason) implements ProgressEvent {
        @Override
        public String message() {
            return object + " adopted: " + reason;
        }
    }

    /** An adopted object was put back as it was before Meridian adopted it (by uninstall). */
    record ObjectRestored(ObjectRef object) implements ProgressEvent {
        @Override
        public String message() {
            return object + " restored as it was before Meridian adopted it";
        }
    }

    /** The rollout's ready replica count changed. */
    record ReplicasReady(int ready, int desired) implements ProgressEvent {
        @Override
        public String message() {
            return "replicas ready: " + ready + "/" + desired;
        }
    }

    /** Every replica of the current revision is ready. */
    record RolloutComplete(int ready, Duration took) implements ProgressEvent {
        @Override
        public String message() {
            return "rollout complete: " + ready + " replicas ready after " + took.toSeconds() + "s";
        }
    }

    /** The agent's self-signed CA was read from its Secret. */
    record CaCertificateRead(ObjectRef secret) implements ProgressEvent {
        @Override
        public String message() {
            return "agent CA read from " + secret;
        }
    }

    /** One object was deleted by an uninstall. */
    record ObjectDeleted(ObjectRef object) implements ProgressEvent {
        @Override
        public String message() {
            return object + " deleted";
        }
    }
}
