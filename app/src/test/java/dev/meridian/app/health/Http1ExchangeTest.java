package dev.meridian.app.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Http1ExchangeTest {
    private static final ProbeTarget TARGET = ProbeTarget.forEndpoint("agent.example.com:8443", TlsMode.insecure());

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "HTTP/1.1 200 OK|HTTP/1.1|200|OK",
                "HTTP/1.0 503 Service Unavailable|HTTP/1.0|503|Service Unavailable",
                "HTTP/1.1 204|HTTP/1.1|204|''",
            })
    void statusLinesAreParsed(String line, String version, int status, String reason) throws Exception {
        assertThat(Http1Exchange.parseStatusLine(line)).isEqualTo(new Http1Exchange.Response(version, status, reason));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"SSH-2.0-OpenSSH_9.2", "HTTP/1.1 abc OK", "HTTP/1.1 42 Odd", "''"})
    void somethingThatIsNotAStatusLineIsAProtocolError(String line) {
        assertThatThrownBy(() -> Http1Exchange.parseStatusLine(line)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void sendsAGetForTheHealthPathWithHostAndConnectionClose() throws Exception {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        AtomicInteger firstBytes = new AtomicInteger();

        Http1Exchange.get(
                response("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"), sent, TARGET, firstBytes::incrementAndGet);

        assertThat(sent.toString(StandardCharsets.US_ASCII))
                .isEqualTo("GET /healthz HTTP/1.1\r\n"
                        + "Host: agent.example.com:8443\r\nUser-Agent: meridian-probe\r\nAccept: */*\r\n"
                        + "Connection: close\r\n\r\n");
        assertThat(firstBytes).hasValue(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "content-length|HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok",
                "chunked|HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n2;x=y\\r\\nok\\r\\n0\\r\\n\\r\\n",
                "until close|HTTP/1.0 200 OK\\r\\n\\r\\nok",
            })
    void readsTheWholeBodyHoweverItIsFramed(String framing, String raw) throws Exception {
        ByteArrayInputStream in = response(raw.replace("\\r\\n", "\r\n"));

        Http1Exchange.Response response = Http1Exchange.get(in, new ByteArrayOutputStream(), TARGET, () -> {});

        assertThat(response.status()).isEqualTo(200);
        assertThat(in.available()).as("nothing left unread").isZero();
    }

    @Test
    void truncatedBodyIsAnError() {
        assertThatThrownBy(() -> Http1Exchange.get(
                        response("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nok"),
                        new ByteArrayOutputStream(),
                        TARGET,
                        () -> {}))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void closingWithoutAnswerIsAnError() {
        assertThatThrownBy(() -> Http1Exchange.get(response(""), new ByteArrayOutputStream(), TARGET, () -> {}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("without answering");
    }

    private static ByteArrayInputStream response(String raw) {
        return new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1));
    }
}
