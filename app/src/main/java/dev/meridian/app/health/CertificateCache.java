package dev.meridian.app.health;

import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saves signature checks across probes: endpoints present the same chain probe after probe, and a
 * fleet shares CAs. Holds the parsed {@link CertificateInfo} per certificate and remembers chains that
 * passed PKIX path validation against given trust anchors. Validity dates are never taken from the
 * cache: {@link #isVerified} requires every certificate to be within its dates now.
 */
final class CertificateCache {
    private static final int MAX_ENTRIES = 4096;
    static final Duration VERIFIED_FOR = Duration.ofMinutes(10);

    private record ChainKey(TlsMode anchors, List<ByteBuffer> ders) {}

    private final Map<ByteBuffer, CertificateInfo> infos = new ConcurrentHashMap<>();
    private final Map<ChainKey, Instant> verified = new ConcurrentHashMap<>();

    CertificateInfo info(X509Certificate cert) {
        ByteBuffer key = der(cert);
        CertificateInfo cached = infos.get(key);
        if (cached != null) {
            return cached;
        }
        CertificateInfo info = CertificateInfo.from(cert);
        bound(infos);
        infos.put(key, info);
        return info;
    }

    boolean isVerified(TlsMode anchors, List<X509Certificate> chain, Instant now) {
        Instant at = verified.get(key(anchors, chain));
        if (at == null || at.plus(VERIFIED_FOR).isBefore(now)) {
            return false;
        }
        for (X509Certificate cert : chain) {
            if (now.isBefore(cert.getNotBefore().toInstant())
                    || now.isAfter(cert.getNotAfter().toInstant())) {
                return false;
            }
        }
        return true;
    }

    void markVerified(TlsMode anchors, List<X509Certificate> chain, Instant now) {
        bound(verified);
        verified.put(key(anchors, chain), now);
    }

    private static ChainKey key(TlsMode anchors, List<X509Certificate> chain) {
        List<ByteBuffer> ders = new ArrayList<>(chain.size());
        for (X509Certificate cert : chain) {
            ders.add(der(cert));
        }
        return new ChainKey(anchors, List.copyOf(ders));
    }

    private static ByteBuffer der(X509Certificate cert) {
        try {
            return ByteBuffer.wrap(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate can be encoded", e);
        }
    }

    private static void bound(Map<?, ?> map) {
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
    }
}
