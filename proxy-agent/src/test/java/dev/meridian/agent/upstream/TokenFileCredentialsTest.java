package dev.meridian.agent.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void aRotatedTokenFileIsPickedUp() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "first-token\n");
        try (TokenFileCredentials credentials = new TokenFileCredentials(file, 50)) {
            assertThat(credentials.bearerToken()).hasValue("first-token");
            Files.writeString(dir.resolve("token.new"), "second-token");
            Files.move(dir.resolve("token.new"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            await().untilAsserted(() -> assertThat(credentials.bearerToken()).hasValue("second-token"));
            Files.delete(file);
            Thread.onSpinWait();
            assertThat(credentials.bearerToken())
                    .as("a missing file keeps the last token")
                    .hasValue("second-token");
        }
    }
}
