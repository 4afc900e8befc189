package dev.meridian.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateCacheTest {
    private final TestPki.Identity ca = TestPki.ca("CA");
    private final TestPki.Identity leaf =
            ca.leaf("agent").sans("127.0.0.1").validFor(Duration.ofDays(3)).issue();
    private final CertificateCache cache = new CertificateCache();
    private final Instant now = Instant.now();

    @Test
    void verifiedChainIsRememberedOnlyForTheSameAnchors() {
        cache.markVerified(ca.asCaData(), leaf.chain(), now);

        assertThat(cache.isVerified(ca.asCaData(), leaf.chain(), now.plusSeconds(60)))
                .isTrue();
        assertThat(cache.isVerified(TestPki.ca("Other").asCaData(), leaf.chain(), now))
                .isFalse();
        assertThat(cache.isVerified(TlsMode.systemTrust(), leaf.chain(), now)).isFalse();
        assertThat(cache.isVerified(ca.asCaData(), List.of(leaf.cert()), now)).isFalse();
    }

    @Test
    void rememberedChainIsCheckedAgainAfterItsCertificateExpiresOrTheEntryAges() {
        cache.markVerified(ca.asCaData(), leaf.chain(), now);

        assertThat(cache.isVerified(ca.asCaData(), leaf.chain(), now.plus(Duration.ofDays(4))))
                .isFalse();
        assertThat(cache.isVerified(
                        ca.asCaData(),
                        leaf.chain(),
                        now.plus(CertificateCache.VERIFIED_FOR).plusSeconds(1)))
                .isFalse();
    }

    @Test
    void certificateDetailsAreParsedOncePerCertificate() {
        CertificateInfo first = cache.info(leaf.cert());

        assertThat(cache.info(leaf.cert())).isSameAs(first);
        assertThat(cache.info(ca.cert()))
                .isNotSameAs(first)
                .extracting(CertificateInfo::selfSigned)
                .isEqualTo(true);
    }
}
