package dev.meridian.installer.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, which is also the default tag of the agent image. */
public final class AgentVersion {

    private static final String RESOURCE = "/dev/meridian/installer/version.properties";
    private static final String VERSION = load();

    private AgentVersion() {}

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return VERSION;
    }

    /** {@code meridian/agent:<version>}. */
    public static String defaultImage() {
        return "meridian/agent:" + VERSION;
    }

    private static String load() {
        try (InputStream in = AgentVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the installer jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isBlank() || version.contains("${")) {
                throw new IllegalStateException(RESOURCE + " was not filtered: '" + version + "'");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
