package dev.meridian.app.fleet;

import dev.meridian.app.core.MeridianException.InvalidInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated new value for a cluster's direct endpoint. Build it with {@link #of}, which checks
 * everything before anything is written and collects what the user should be told.
 */
public record EndpointChange(HostPort hostPort, boolean insecure, Optional<CaBundle> ca, List<String> notices) {
    /** How a notice that is a warning starts (the window shows it as it is; the CLI as {@code [warning]}). */
    public static final String WARNING = "Warning: ";

    public EndpointChange {
        notices = List.copyOf(notices);
    }

    /**
     * @param hostInput host[:port] or a pasted URL
     * @param caBase64 base64 PEM, or null
     * @param caPem PEM text (e.g. a file's contents), or null; at most one of the two
     */
    public static EndpointChange of(String hostInput, boolean insecure, String caBase64, String caPem, Instant now) {
        if (caBase64 != null && caPem != null) {
            throw new InvalidInput("Give the CA either as a file or as base64 data, not both.");
        }
        HostPort.Parsed parsed = HostPort.parseUserInput(hostInput);
        List<String> notices = new ArrayList<>();
        parsed.notice().ifPresent(notices::add);
        Optional<CaBundle> ca = Optional.empty();
        if (caBase64 != null || caPem != null) {
            ca = Optional.of((caBase64 != null ? CaBundle.fromBase64(caBase64) : CaBundle.fromPemText(caPem))
                    .requireUsableAt(now));
            if (ca.get().base64().length() > Annotations.MAX_VALUE_BYTES) {
                throw new InvalidInput("CA data is larger than the " + Annotations.MAX_VALUE_BYTES
                        + " bytes annotations may hold; give only the endpoint's CA.");
            }
        }
        if (insecure && ca.isPresent()) {
            notices.add(WARNING + "insecure is set together with CA data; kubectl will skip TLS verification "
                    + "and not use the CA. Drop --insecure to verify against the CA.");
        }
        return new EndpointChange(parsed.hostPort(), insecure, ca, notices);
    }
}
