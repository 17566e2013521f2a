package vn.iocstream.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void rangeAndWholeKey_giveTheFunctionsValue_computedOnce() {
        AtomicInteger calls = new AtomicInteger();
        BoundedCache<String> cache = new BoundedCache<>(100, 10, s -> {
            calls.incrementAndGet();
            return s.toUpperCase(Locale.ROOT);
        });
        String text = "tai nạn giao thông";
        assertThat(cache.get(text, 4, 7)).isEqualTo("NẠN");
        assertThat(cache.get("nạn")).isEqualTo("NẠN");
        assertThat(cache.get(text, 0, 3)).isEqualTo("TAI");
        assertThat(cache.get(text, 4, 7)).isEqualTo("NẠN");
        assertThat(calls).hasValue(2);
    }

    @Test
    void longKeysAndKeysPastTheBound_areComputedEachTime() {
        AtomicInteger calls = new AtomicInteger();
        BoundedCache<Integer> cache = new BoundedCache<>(3, 4, s -> {
            calls.incrementAndGet();
            return s.length();
        });
        assertThat(cache.get("abcde")).isEqualTo(5);
        assertThat(cache.get("abcde")).isEqualTo(5);
        assertThat(calls).hasValue(2);
        for (String s : List.of("a", "b", "c", "d", "a", "b", "c", "d")) assertThat(cache.get(s)).isEqualTo(1);
        assertThat(calls).hasValue(2 + 3 + 1 + 1); // a, b, c kept; d computed twice
    }

    @Test
    void manyKeys_growTheTableAndStayCorrect() {
        BoundedCache<String> cache = new BoundedCache<>(50_000, 24, s -> s + "!");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 10_000; i++) assertThat(cache.get("k" + i)).isEqualTo("k" + i + "!");
        }
    }

    @Test
    void concurrentReadersAndWriters_seeTheFunctionsValue() throws Exception {
        BoundedCache<String> cache = new BoundedCache<>(5_000, 24, s -> s.toUpperCase(Locale.ROOT));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    boolean ok = true;
                    for (int i = 0; i < 20_000; i++) {
                        String key = "âm" + (i * 31 + seed) % 8_000;
                        ok &= cache.get(key).equals(key.toUpperCase(Locale.ROOT));
                    }
                    return ok;
                }));
            }
            for (Future<Boolean> r : results) assertThat(r.get()).isTrue();
        } finally {
            pool.shutdown();
        }
    }
}
