package dev.meridian.app.kubeconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Remembers the last non-Meridian context the user left, so {@code meridian use -} can go back
 * (like {@code kubectx -}, which keeps it in {@code ~/.kube/kubectx}). It is kept outside the
 * kubeconfig on purpose: a switch then changes exactly one line of the kubeconfig
 * ({@code current-context}), and nothing Meridian does not own (such as
 * {@code preferences}) is ever touched for it.
 */
public interface PreviousContextStore {

    Optional<String> previousContext();

    void rememberPreviousContext(String contextName);

    /** A one-line file, replaced atomically; missing or blank means nothing remembered. */
    static PreviousContextStore inFile(Path file) {
        return new PreviousContextStore() {
            @Override
            public Optional<String> previousContext() {
                try {
                    return Files.isRegularFile(file)
                            ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)
                                            .strip())
                                    .filter(s -> !s.isEmpty())
                            : Optional.empty();
                } catch (IOException e) {
                    throw new KubeconfigException.Unreadable("cannot read " + file + ": " + e, file, e);
                }
            }

            @Override
            public void rememberPreviousContext(String contextName) {
                if (previousContext().filter(contextName::equals).isPresent()) {
                    return;
                }
                try {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                } catch (IOException e) {
                    throw new KubeconfigException.Unwritable("cannot create the folder of " + file + ": " + e, file, e);
                }
                new AtomicFileWriter().write(file, (contextName + "\n").getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** The default place: {@code <home>/.kube/meridian-previous-context}, beside kubectx's state. */
    static PreviousContextStore inHome(Path home) {
        return inFile(home.resolve(".kube").resolve("meridian-previous-context"));
    }
}
