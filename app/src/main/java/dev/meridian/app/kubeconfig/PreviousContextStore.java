package dev.meridian.app.kubeconfig;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Remembers, per kubeconfig, the context a switch left, so {@code meridian use -} goes back to it and
 * a second {@code use -} comes back again (as {@code kubectx -} does), and the last context left that
 * Meridian did not write: the management plane's, for commands run while one of Meridian's contexts
 * is current. It is kept outside the kubeconfig on purpose: a switch then changes exactly one line of
 * the kubeconfig ({@code current-context}), and nothing Meridian does not own (such as
 * {@code preferences}) is ever touched for it.
 */
public interface PreviousContextStore {

    /** The context {@code use -} returns to in the kubeconfig at {@code locations}. */
    Optional<String> previousContext(KubeconfigLocations locations);

    /** The last context not written by Meridian that a switch left in that kubeconfig. */
    Optional<String> lastOwnContext(KubeconfigLocations locations);

    /** A switch in that kubeconfig left {@code contextName}. */
    void rememberLeft(KubeconfigLocations locations, String contextName);

    /**
     * A properties file, one pair of keys per kubeconfig (its files, as {@code KUBECONFIG} would list
     * them), replaced atomically. Before the pairs, one line held the last non-Meridian context for
     * every kubeconfig: {@code legacy}, read where the file has no pair yet.
     */
    static PreviousContextStore inFile(Path file, Path legacy) {
        return new PreviousContextStore() {
            @Override
            public Optional<String> previousContext(KubeconfigLocations locations) {
                return value(locations, "previous").or(this::legacyContext);
            }

            @Override
            public Optional<String> lastOwnContext(KubeconfigLocations locations) {
                return value(locations, "own").or(this::legacyContext);
            }

            @Override
            public void rememberLeft(KubeconfigLocations locations, String contextName) {
                Properties properties = read();
                Properties before = (Properties) properties.clone();
                String key = key(locations);
                properties.setProperty(key + ".previous", contextName);
                if (!ContextNames.isMeridian(contextName)) {
                    properties.setProperty(key + ".own", contextName);
                }
                if (!properties.equals(before)) {
                    write(properties);
                }
            }

            private Optional<String> value(KubeconfigLocations locations, String what) {
                return Optional.ofNullable(read().getProperty(key(locations) + "." + what))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty());
            }

            private Optional<String> legacyContext() {
                try {
                    return Files.isRegularFile(legacy)
                            ? Optional.of(Files.readString(legacy, StandardCharsets.UTF_8)
                                            .strip())
                                    .filter(s -> !s.isEmpty())
                            : Optional.empty();
                } catch (IOException e) {
                    return Optional.empty(); // only a hint from an older version
                }
            }

            private Properties read() {
                Properties properties = new Properties();
                try {
                    if (Files.isRegularFile(file)) {
                        properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
                    }
                } catch (IOException | IllegalArgumentException e) {
                    throw new KubeconfigException.Unreadable(
                            "cannot read " + file + " (Meridian's memory of your previous contexts): " + e
                                    + "; remove the file and try again",
                            file,
                            e instanceof IOException io ? io : null);
                }
                return properties;
            }

            private void write(Properties properties) {
                try {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                } catch (IOException e) {
                    throw new KubeconfigException.Unwritable("cannot create the folder of " + file + ": " + e, file, e);
                }
                StringWriter text = new StringWriter();
                try {
                    properties.store(text, "Meridian: the context each kubeconfig's last switch left (for 'use -')");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                new AtomicFileWriter().write(file, text.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** The key of a kubeconfig: its files, absolute, as {@code KUBECONFIG} would list them. */
    private static String key(KubeconfigLocations locations) {
        return locations.files().stream()
                .map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** The default place: {@code <home>/.kube/meridian-previous-contexts}, beside kubectx's state. */
    static PreviousContextStore inHome(Path home) {
        Path kube = home.resolve(".kube");
        return inFile(kube.resolve("meridian-previous-contexts"), kube.resolve("meridian-previous-context"));
    }
}
