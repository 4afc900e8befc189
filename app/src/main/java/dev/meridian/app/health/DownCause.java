package dev.meridian.app.health;

import java.time.Duration;

/** Why an endpoint is Down. Every cause has a message saying what happened and what to do. */
public sealed interface DownCause
        permits DownCause.DnsFailure,
                DownCause.ConnectionRefused,
                DownCause.Timeout,
                DownCause.TlsFailure,
                DownCause.HttpStatus,
                DownCause.ConnectionFailed {

    /** The host name does not resolve. */
    record DnsFailure(String host, String detail) implements DownCause {
        @Override
        public String message() {
            return "DNS failure: the name " + host + " does not resolve (" + detail + "). Check the endpoint's"
                    + " host name and that your DNS or VPN can see it.";
        }
    }

    /** Nothing listens on the port. */
    record ConnectionRefused(String address) implements DownCause {
        @Override
        public String message() {
            return "Connection refused by " + address + ": nothing listens on that port. Check the port in the"
                    + " endpoint and that the Ingress controller or load balancer in front of the agent is running.";
        }
    }

    /** No answer within the probe timeout; the phase says where it stalled. */
    record Timeout(ProbePhase phase, Duration limit, String address) implements DownCause {
        /** Limits below this are too short for many real exchanges (a TLS handshake of a cold server, say). */
        static final Duration SHORT = Duration.ofMillis(100);

        @Override
        public String message() {
            return "Timeout: no answer from " + address + " within " + Durations.format(limit) + " while "
                    + phase.description() + ". " + advice();
        }

        private String advice() {
            if (limit.compareTo(SHORT) < 0) {
                // Below a round trip anywhere, the limit itself is the likeliest cause: do not blame the network.
                return "A limit of " + Durations.format(limit) + " may be shorter than the exchange takes: "
                        + "probe again with a longer --timeout (the default is 3s).";
            }
            return switch (phase) {
                case DNS -> "The DNS server did not answer: check your DNS settings or VPN.";
                case CONNECT -> "Packets seem to be dropped: check firewalls, security groups and that the host is up.";
                case TLS_HANDSHAKE ->
                    "The port accepts connections but nothing answers: check the process or load"
                            + " balancer behind it (a load balancer without healthy backends does this).";
                case FIRST_BYTE, BODY ->
                    "The server took the request but did not answer in time: check the agent" + " pods and their load.";
            };
        }
    }

    /** TLS failed; the problem says which check. */
    record TlsFailure(TlsProblem problem, String detail, String address) implements DownCause {
        @Override
        public String message() {
            return switch (problem) {
                case UNTRUSTED ->
                    "TLS failure: the certificate of " + address + " is not trusted (" + detail
                            + "). If you expect this certificate, compare its fingerprint and trust it with"
                            + " 'meridian endpoint trust <cluster>'; if not, someone may be intercepting the connection.";
                case EXPIRED ->
                    "TLS failure: the certificate of " + address + " has expired (" + detail
                            + "). Renew it (with cert-manager, check the Certificate and its issuer).";
                case NOT_YET_VALID ->
                    "TLS failure: the certificate of " + address + " is not valid yet (" + detail
                            + "). Check this computer's clock and the dates the certificate was issued with.";
                case HOSTNAME_MISMATCH ->
                    "TLS failure: the certificate of " + address + " does not match the name ("
                            + detail + "). Use a certificate that covers the endpoint's name, or point the endpoint at"
                            + " a name the certificate covers.";
                case INVALID_CA_DATA ->
                    "TLS failure: the ca-data configured for " + address + " is unusable ("
                            + detail + "). Fix the loft.sh/direct-cluster-endpoint-ca-data annotation or run"
                            + " 'meridian endpoint trust <cluster>'.";
                case HANDSHAKE_FAILED ->
                    "TLS failure: the handshake with " + address + " failed (" + detail
                            + "). Check that the port serves HTTPS and not plain HTTP or another protocol.";
            };
        }
    }

    /** The server answered, but not with 200. */
    record HttpStatus(int status, String reason, String address) implements DownCause {
        @Override
        public String message() {
            return "HTTP " + status + (reason.isEmpty() ? "" : " " + reason) + ": " + address
                    + " answered GET /healthz without 200. " + advice();
        }

        private String advice() {
            if (status >= 500) {
                return "The agent or the proxy in front of it is unhealthy: check the agent pods and their logs.";
            }
            if (status == 401 || status == 403) {
                return "Something in front of the agent demands authentication for /healthz: check the Ingress.";
            }
            if (status == 404 || (status >= 300 && status < 400)) {
                return "The endpoint does not route /healthz to the agent: check the Ingress host and paths.";
            }
            return "Check the Ingress and the agent behind it.";
        }
    }

    /** The connection broke for another reason (reset, unreachable network, an answer that is not HTTP). */
    record ConnectionFailed(ProbePhase phase, String detail, String address) implements DownCause {
        @Override
        public String message() {
            return "Connection failed to " + address + " while " + phase.description() + " (" + detail
                    + "). Check the network path, VPN or proxy, and that the port serves the agent.";
        }
    }

    String message();
}
