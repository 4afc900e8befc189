package dev.meridian.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileLineWriterTest {
    @TempDir
    Path dir;

    @Test
    void rotatesAtTheSizeLimitAndKeepsTheConfiguredBackups() throws Exception {
        Path log = dir.resolve("audit.log");
        try (RotatingFileLineWriter w = new RotatingFileLineWriter(log, 1024, 2)) {
            for (int i = 0; i < 100; i++) {
                w.writeLine(String.format("{\"n\":%03d,\"pad\":\"%s\"}", i, "x".repeat(80)));
            }
        }
        assertThat(Files.size(log)).isLessThanOrEqualTo(1024);
        assertThat(dir.resolve("audit.log.1")).exists();
        assertThat(dir.resolve("audit.log.2")).exists();
        assertThat(dir.resolve("audit.log.3")).doesNotExist();
        assertThat(Files.readAllLines(log)).last().asString().contains("\"n\":099");
        for (Path p : new Path[] {log, dir.resolve("audit.log.1"), dir.resolve("audit.log.2")}) {
            assertThat(Files.readAllLines(p)).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
        }
    }
}
