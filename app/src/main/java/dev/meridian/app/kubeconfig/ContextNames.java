package dev.meridian.app.kubeconfig;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names of Meridian's kube contexts: {@code meridian_<cluster>} for a cluster and
 * {@code meridian_<space>_<cluster>} for a space (namespace) in it. Kubernetes names cannot
 * hold {@code _}, so a name splits back unambiguously. Only entries with the prefix are ours.
 */
public final class ContextNames {
    public static final String PREFIX = "meridian_";
    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    private ContextNames() {}

    public static String forCluster(String cluster) {
        return PREFIX + requireName(cluster, "cluster");
    }

    public static String forSpace(String space, String cluster) {
        return PREFIX + requireName(space, "space") + "_" + requireName(cluster, "cluster");
    }

    public static boolean isMeridian(String contextName) {
        return contextName != null && contextName.startsWith(PREFIX);
    }

    /** The cluster a Meridian context name points at. */
    public static Optional<String> clusterOf(String contextName) {
        if (!isMeridian(contextName)) {
            return Optional.empty();
        }
        String rest = contextName.substring(PREFIX.length());
        return Optional.of(rest.substring(rest.indexOf('_') + 1));
    }

    /** The space of a Meridian space context name, empty for a cluster context. */
    public static Optional<String> spaceOf(String contextName) {
        if (!isMeridian(contextName)) {
            return Optional.empty();
        }
        String rest = contextName.substring(PREFIX.length());
        int underscore = rest.indexOf('_');
        return underscore < 0 ? Optional.empty() : Optional.of(rest.substring(0, underscore));
    }

    private static String requireName(String name, String what) {
        if (name == null || name.length() > 253 || !DNS_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    what + " name must be a Kubernetes name (lower case letters, digits, '-', '.'): '" + name + "'");
        }
        return name;
    }
}
