package dev.meridian.app.contexts;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.fleet.CaBundle;
import dev.meridian.app.kubeconfig.CentralGateway;
import dev.meridian.app.kubeconfig.TlsSettings;
import dev.meridian.installer.manifest.PlaneManifests;
import java.util.Map;

/**
 * The data of the plane's gateway record (ConfigMap {@code meridian-system/meridian-gateway}, see
 * {@link CentralGateways}) as the gateway it names. A record that is there but malformed is an
 * error, not a silent fallback: contexts built from a guess would fail later and obscurely.
 */
public final class GatewayRecord {
    private GatewayRecord() {}

    /** The gateway the record's data names. */
    public static CentralGateway parse(Map<String, String> data) {
        String where = "ConfigMap " + PlaneManifests.DEFAULT_NAMESPACE + "/" + PlaneManifests.GATEWAY_RECORD;
        String url = data.get(PlaneManifests.GATEWAY_URL_KEY);
        String ca = data.get(PlaneManifests.GATEWAY_CA_KEY);
        boolean insecure = "true".equals(data.get(PlaneManifests.GATEWAY_INSECURE_KEY));
        TlsSettings tls;
        if (insecure) {
            tls = TlsSettings.insecure();
        } else if (ca != null && !ca.isBlank()) {
            try {
                tls = TlsSettings.caData(CaBundle.fromPemText(ca).base64());
            } catch (MeridianException e) {
                throw invalid(
                        where,
                        "its " + PlaneManifests.GATEWAY_CA_KEY + " is not a PEM certificate: " + e.getMessage(),
                        e);
            }
        } else {
            tls = TlsSettings.systemTrust();
        }
        try {
            return new CentralGateway(url, tls);
        } catch (RuntimeException e) {
            throw invalid(where, "its " + PlaneManifests.GATEWAY_URL_KEY + " " + e.getMessage(), e);
        }
    }

    private static MeridianException invalid(String where, String why, Exception cause) {
        return new MeridianException.InvalidInput(
                "The management plane's gateway record (" + where + ") is invalid: "
                        + why
                        + ". Re-run 'meridian plane install --gateway --host HOST' or delete the record to use the "
                        + "management server's origin.",
                cause);
    }
}
