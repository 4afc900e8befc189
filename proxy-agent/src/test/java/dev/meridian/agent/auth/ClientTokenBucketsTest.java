package dev.meridian.agent.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientTokenBucketsTest {
    final AtomicLong now = new AtomicLong(-123_456_789L);

    ClientTokenBuckets buckets(int maxClients) {
        return new ClientTokenBuckets(2, 4, maxClients, now::get);
    }

    int granted(ClientTokenBuckets b, String client, int attempts) {
        int granted = 0;
        for (int i = 0; i < attempts; i++) {
            if (b.tryAcquire(client) == 0) {
                granted++;
            }
        }
        return granted;
    }

    @Test
    void aClientGetsItsBurstThenTheRate() {
        ClientTokenBuckets b = buckets(10);
        assertThat(granted(b, "10.0.0.1", 100)).isEqualTo(4);
        assertThat(b.tryAcquire("10.0.0.1"))
                .as("nanoseconds until the next review at 2/s")
                .isEqualTo(Duration.ofMillis(500).toNanos());
        now.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(b.tryAcquire("10.0.0.1")).isEqualTo(Duration.ofMillis(1).toNanos());
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(b.tryAcquire("10.0.0.1")).isZero();
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(granted(b, "10.0.0.1", 100))
                .as("an idle client refills to its burst, no more")
                .isEqualTo(4);
    }

    @Test
    void clientsAreLimitedEachOnTheirOwn() {
        ClientTokenBuckets b = buckets(10);
        assertThat(granted(b, "10.0.0.1", 100)).isEqualTo(4);
        assertThat(granted(b, "10.0.0.2", 100)).isEqualTo(4);
        assertThat(b.clients()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} and {1} share a bucket: {2}")
    @CsvSource({
        "2001:db8:1:2:0:0:0:1,   2001:db8:1:2:ffff:ffff:ffff:ffff, true",
        "2001:db8:1:2::1,        2001:db8:1:2:0:0:0:2,             true",
        "2001:db8:1:2::1,        2001:db8:1:3::1,                  false",
        "fe80:0:0:0:0:0:0:1%eth0, fe80::2%2,                       true",
        "10.0.0.1,               10.0.0.2,                         false",
        "::ffff:10.0.0.1,        10.0.0.1,                         true",
        "'',                     '',                               true",
    })
    void anIpv6ClientIsLimitedByItsSlash64(String a, String b, boolean shared) {
        assertThat(ClientTokenBuckets.clientKey(a).equals(ClientTokenBuckets.clientKey(b)))
                .isEqualTo(shared);
    }

    @Test
    void aFloodOfAddressesNeitherGrowsTheTableNorGetsFreshCredit() {
        ClientTokenBuckets b = buckets(3);
        int granted = 0;
        for (int i = 0; i < 100_000; i++) {
            granted += granted(b, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), 1);
        }
        assertThat(b.clients()).isEqualTo(3);
        assertThat(granted)
                .as("one review for each of three kept clients and the shared overflow's burst, no more")
                .isEqualTo(3 + 4);
    }

    @Test
    void aRefilledClientMakesRoomForANewOne() {
        ClientTokenBuckets b = buckets(2);
        granted(b, "10.0.0.1", 1);
        granted(b, "10.0.0.2", 1);
        assertThat(granted(b, "10.0.0.3", 100))
                .as("the table is full of limited clients: the overflow bucket")
                .isEqualTo(4);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(granted(b, "10.0.0.4", 100))
                .as("10.0.0.1 has refilled and gave up its place")
                .isEqualTo(4);
        assertThat(b.clients()).isEqualTo(2);
    }

    @Test
    void aLimitNeedsAPositiveRateAndBurst() {
        assertThatThrownBy(() -> new ClientTokenBuckets(0, 4, 10, now::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientTokenBuckets(Double.NaN, 4, 10, now::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientTokenBuckets(1, 0, 10, now::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientTokenBuckets(1e-9, 40, 10, now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
