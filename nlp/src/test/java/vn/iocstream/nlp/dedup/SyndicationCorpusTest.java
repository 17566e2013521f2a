package vn.iocstream.nlp.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyndicationCorpusTest {

    @Test
    void aSeed_givesTheSameCorpus_anotherSeedAnother() {
        assertThat(SyndicationCorpus.generate(30, 4, "mixed")).isEqualTo(SyndicationCorpus.generate(30, 4, "mixed"));
        assertThat(SyndicationCorpus.generate(30, 5, "mixed")).isNotEqualTo(SyndicationCorpus.generate(30, 4, "mixed"));
    }

    @Test
    void copies_comeFromOtherOutlets_withinHalfADay_andCarryTheirBoilerplate() {
        List<SyndicationCorpus.Post> posts = SyndicationCorpus.generate(200, 4, "all");
        Map<String, SyndicationCorpus.Post> byId = posts.stream().collect(Collectors.toMap(SyndicationCorpus.Post::id, Function.identity()));
        List<SyndicationCorpus.Post> copies = posts.stream().filter(p -> !p.id().equals(p.story())).toList();
        assertThat(copies).hasSizeGreaterThan(150);
        for (SyndicationCorpus.Post copy : copies) {
            SyndicationCorpus.Post original = byId.get(copy.story());
            assertThat(copy.outlet()).isNotEqualTo(original.outlet());
            assertThat(copy.timeMs() - original.timeMs()).isBetween(0L, 12 * 3_600_000L);
            assertThat(copy.title()).isNotEqualTo(original.title());
            // Every edit: a credit or byline and a footer at the end, related links inside.
            assertThat(copy.body().lines().count()).isGreaterThan(original.body().lines().count());
        }
        assertThat(copies).anyMatch(c -> c.body().contains("Theo TTXVN") || c.body().contains("(TTXVN)"));
        assertThat(copies).anyMatch(c -> c.body().startsWith("(Dân trí) - ") || c.body().contains("\n(Dân trí) - "));
        assertThat(copies).anyMatch(c -> c.body().contains("Xem thêm:") || c.body().contains("Tin liên quan"));
    }

    @Test
    void followUps_areStoriesOfTheirOwn_aboutTheSameEvent() {
        List<SyndicationCorpus.Post> posts = SyndicationCorpus.generate(200, 4, "mixed");
        List<SyndicationCorpus.Post> followUps = posts.stream().filter(p -> p.id().matches("e\\d+f\\d")).toList();
        assertThat(followUps).hasSizeGreaterThan(60);
        for (SyndicationCorpus.Post f : followUps) {
            assertThat(f.story()).isEqualTo(f.id());
            SyndicationCorpus.Post first = posts.stream().filter(p -> p.id().equals(f.id().replaceAll("f\\d$", ""))).findFirst().orElseThrow();
            assertThat(f.timeMs()).isGreaterThan(first.timeMs());
        }
        // Many repeat the first report's lead as background, as Vietnamese follow-ups do.
        assertThat(followUps.stream().filter(f -> f.body().contains("đã đưa tin,") || f.body().contains("Trước đó,")).count())
                .isGreaterThan(followUps.size() / 3);
    }
}
