package dev.meridian.app.cli;

import dev.meridian.app.core.MeridianException;
import dev.meridian.installer.manifest.Exposure;
import dev.meridian.installer.manifest.InstallSpec;
import picocli.CommandLine.Option;

/** How an agent or the central gateway is exposed: the options `agent install` and `plane install` share. */
final class ExposureOptions {
    @Option(names = "--host", paramLabel = "HOST", description = "Host name of the endpoint.")
    String host;

    @Option(
            names = "--expose",
            defaultValue = "ingress",
            paramLabel = "KIND",
            description = "ingress, loadbalancer or nodeport (default: ${DEFAULT-VALUE}).")
    Exposure expose;

    @Option(
            names = "--ingress-class",
            defaultValue = InstallSpec.DEFAULT_INGRESS_CLASS,
            paramLabel = "CLASS",
            description = "Ingress class (default: ${DEFAULT-VALUE}).")
    String ingressClass;

    @Option(
            names = "--tls-secret",
            defaultValue = InstallSpec.DEFAULT_TLS_SECRET,
            paramLabel = "NAME",
            description = "Secret holding the Ingress's certificate (default: ${DEFAULT-VALUE}).")
    String tlsSecret;

    @Option(
            names = "--cluster-issuer",
            paramLabel = "NAME",
            description = "cert-manager ClusterIssuer for the certificate.")
    String clusterIssuer;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Agent image (default: this version's).")
    String image;

    /** {@code builder} with these options applied; fails when --host is missing. */
    InstallSpec.Builder applyTo(InstallSpec.Builder builder) {
        builder.exposure(expose).ingressClass(ingressClass).tlsSecret(tlsSecret).clusterIssuer(clusterIssuer);
        if (image != null) {
            builder.image(image);
        }
        return builder;
    }

    String requireHost(String forWhat) {
        if (host == null || host.isBlank()) {
            throw new MeridianException.InvalidInput("Pass --host with the host name " + forWhat + " is served at.");
        }
        return host;
    }
}
