package dev.meridian.installer.apply;

import dev.meridian.installer.InstallerException;
import java.time.Duration;

/** The agent did not become ready (or did not publish its CA) within the timeout. */
public final class RolloutTimeoutException extends InstallerException {

  private static final long serialVersionUID = 1L;

  private final String namespace;
  private final int readyReplicas;
  private final int desiredReplicas;
  private final Duration timeout;

  public RolloutTimeoutException(String namespace, String waitingFor, int ready, int desired,
      Duration timeout, Throwable cause) {
    super("timed out after " + timeout.toSeconds() + "s waiting for " + waitingFor + " in namespace "
        + namespace + " (" + ready + "/" + desired + " replicas ready). Every object is applied; see "
        + "'kubectl -n " + namespace + " describe deployment loft-agent' and the pods' events, then "
        + "run the install again or raise --timeout.", cause);
    this.namespace = namespace;
    this.readyReplicas = ready;
    this.desiredReplicas = desired;
    this.timeout = timeout;
  }

  public String namespace() {
    return namespace;
  }

  public int readyReplicas() {
    return readyReplicas;
  }

  public int desiredReplicas() {
    return desiredReplicas;
  }

  public Duration timeout() {
    return timeout;
  }
}
