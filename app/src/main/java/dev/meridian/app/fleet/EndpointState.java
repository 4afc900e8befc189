package dev.meridian.app.fleet;

import dev.meridian.app.core.MeridianException.InvalidInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A cluster's direct endpoint as its annotations describe it: off, on, or stored with invalid values. */
public sealed interface EndpointState {

    /** No endpoint annotation: traffic goes through the central gateway. */
    record Off() implements EndpointState {}

    /** A usable direct endpoint. Warnings are worth showing but do not stop kubectl. */
    record On(HostPort hostPort, boolean insecure, Optional<CaBundle> ca, List<String> warnings)
            implements EndpointState {
        public On {
            warnings = List.copyOf(warnings);
        }

        public TlsMode tlsMode() {
            return insecure ? TlsMode.INSECURE : ca.isPresent() ? TlsMode.CA : TlsMode.SYSTEM_TRUST;
        }
    }

    /** Values on the server that cannot be used; {@code problems} says why, in words for the admin. */
    record Invalid(String endpointPreview, List<String> problems) implements EndpointState {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /** How a context verifies the endpoint's certificate. */
    enum TlsMode {
        CA("CA"),
        INSECURE("Insecure"),
        SYSTEM_TRUST("System trust");

        private final String label;

        TlsMode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Reads the three annotations. Never throws: a bad stored value becomes {@link Invalid}. */
    static EndpointState fromAnnotations(Map<String, String> annotations, Instant now) {
        String endpoint = annotations.get(Annotations.ENDPOINT);
        if (endpoint == null || endpoint.isEmpty()) {
            return new Off();
        }
        List<String> problems = new ArrayList<>();
        HostPort hostPort = null;
        try {
            hostPort = HostPort.parse(endpoint);
        } catch (InvalidInput e) {
            problems.add(e.getMessage());
        }
        String insecureValue = annotations.get(Annotations.INSECURE);
        boolean insecure = "true".equals(insecureValue);
        if (insecureValue != null && !insecure && !"false".equals(insecureValue)) {
            problems.add(Annotations.INSECURE + " is '" + preview(insecureValue) + "'; it must be \"true\" or absent.");
        }
        Optional<CaBundle> ca = Optional.empty();
        String caData = annotations.get(Annotations.CA_DATA);
        if (caData != null) {
            try {
                ca = Optional.of(CaBundle.fromBase64(caData));
                problems.addAll(ca.get().problemsAt(now));
            } catch (InvalidInput e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return new Invalid(preview(endpoint), problems);
        }
        List<String> warnings = new ArrayList<>();
        if (insecure && ca.isPresent()) {
            warnings.add("insecure is set together with CA data: TLS verification is skipped and the CA is not used.");
        }
        return new On(hostPort, insecure, ca, warnings);
    }

    /** Stored values can be huge or hostile: show a bounded, single-line preview. */
    static String preview(String value) {
        String oneLine = value.replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
