package dev.meridian.agent.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringLruTest {
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    final AtomicLong now = new AtomicLong(-7 * SECOND);
    final ExpiringLru<String, String> cache = new ExpiringLru<>(3, now::get);

    @Test
    void anEntryLivesForItsOwnTimeToLive() {
        cache.put("short", "s", 2 * SECOND);
        cache.put("long", "l", 10 * SECOND);
        now.addAndGet(2 * SECOND);
        assertThat(cache.get("short")).isNull();
        assertThat(cache.get("long")).isEqualTo("l");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void whenFullAnExpiredEntryGoesBeforeTheLeastRecentlyUsedLiveOne() {
        cache.put("old-live", "a", 60 * SECOND);
        cache.put("dead", "b", SECOND);
        cache.put("live", "c", 60 * SECOND);
        now.addAndGet(5 * SECOND);
        cache.put("new", "d", 60 * SECOND);
        assertThat(cache.get("old-live"))
                .withFailMessage("the expired entry should have made room, not the least recently used live one")
                .isEqualTo("a");
        assertThat(cache.get("live")).isEqualTo("c");
        assertThat(cache.get("new")).isEqualTo("d");
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void anExpiredEntryGoesFirstEvenWhenItWasUsedMostRecently() {
        cache.put("a", "a", 60 * SECOND);
        cache.put("b", "b", 60 * SECOND);
        cache.put("dead", "x", 2 * SECOND);
        now.addAndGet(SECOND);
        assertThat(cache.get("dead")).isEqualTo("x");
        now.addAndGet(5 * SECOND);
        cache.put("c", "c", 60 * SECOND);
        assertThat(cache.get("a")).isEqualTo("a");
        assertThat(cache.get("b")).isEqualTo("b");
        assertThat(cache.get("c")).isEqualTo("c");
    }

    @Test
    void whenFullOfLiveEntriesTheLeastRecentlyUsedIsEvicted() {
        cache.put("a", "a", 60 * SECOND);
        cache.put("b", "b", 60 * SECOND);
        cache.put("c", "c", 60 * SECOND);
        cache.get("a");
        cache.put("d", "d", 60 * SECOND);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isEqualTo("a");
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void replacingAnEntryKeepsOneEntryWithTheNewTimeToLive() {
        cache.put("a", "old", 60 * SECOND);
        cache.put("a", "new", SECOND);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("a")).isEqualTo("new");
        now.addAndGet(SECOND);
        assertThat(cache.get("a")).isNull();
    }

    @Test
    void aTimeToLiveOfZeroKeepsNothing() {
        cache.put("a", "a", 0);
        assertThat(cache.size()).isZero();
    }
}
