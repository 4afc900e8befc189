package dev.meridian.agent.testing;

import dev.meridian.agent.tls.GeneratedTls;
import dev.meridian.agent.tls.SelfSignedTls;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.List;

/** A CA and a localhost server certificate for test upstreams, made once per JVM. */
public final class TestTls {
    public static final GeneratedTls LOCALHOST = SelfSignedTls.generate(List.of("localhost", "127.0.0.1"));

    private TestTls() {}

    public static PemKeyCertOptions keyCert() {
        return new PemKeyCertOptions()
                .addCertValue(Buffer.buffer(LOCALHOST.certificateChainPem()))
                .addKeyValue(Buffer.buffer(LOCALHOST.privateKeyPem()));
    }
}
