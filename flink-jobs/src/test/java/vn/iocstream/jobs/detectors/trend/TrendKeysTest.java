package vn.iocstream.jobs.detectors.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.EntityMention;
import vn.iocstream.nlp.segment.Segmenters;

class TrendKeysTest {
    private static final TrendKeys KEYS = new TrendKeys(Segmenters.defaultSegmenter(), Map.of("chay-no", "Cháy nổ"), 12);

    @Test
    void headline_yieldsNamesAndCompoundsAsPhrases_withoutStopwordsOrDates() {
        List<String> phrases = KEYS.phrases("Tàu ngầm KRI Nanggala 402 của Indonesia mất tích ngày 21/4 khi tập trận")
                .stream().map(p -> p[0]).toList();
        assertThat(phrases).contains("tàu ngầm", "kri nanggala", "indonesia", "mất tích")
                .noneMatch(p -> p.contains("của") || p.contains("21/4") || p.startsWith("ngày"));
    }

    @Test
    void post_isCountedUnderEachKindOfKey_once() {
        EnrichedPost post = new EnrichedPost("p1", "https://baohanam.vn/p1.html", "comment", "Facebook", null,
                "Cháy lớn tại chung cư ở Phủ Lý, Hà Nam, Công an tỉnh Hà Nam đang điều tra, cháy lớn quá", "Nguyễn Văn A",
                Instant.parse("2026-11-20T02:00:00Z"), null, "Ninh Bình", List.of("Hà Nam"),
                List.of(new EntityMention("ORGANIZATION", "org:cong-an-tinh-ninh-binh", "Công an tỉnh Hà Nam"),
                        new EntityMention("LOCATION", "province:ninh-binh", "Hà Nam"),
                        new EntityMention("DATE", "", "20/11")),
                18, "negative", -0.6, List.of("chay-no"), 42L, "story-1");

        List<TrendHit> hits = KEYS.hits(post);

        assertThat(hits).extracting(TrendHit::groupKey).doesNotHaveDuplicates()
                .contains("watchlist:chay-no", "entity:org:cong-an-tinh-ninh-binh", "locality:Ninh Bình", "story:story-1")
                .noneMatch(k -> k.startsWith("entity:province") || k.equals("entity:"));
        assertThat(hits).filteredOn(h -> h.keyType().equals(TrendKeys.PHRASE)).extracting(TrendHit::key).contains("chung cư", "phủ lý", "tỉnh hà nam")
                .doesNotContain("phủ lý hà nam"); // a comma ends a phrase
        assertThat(hits).allMatch(h -> h.social() && h.negative() && h.postId().equals("p1"));
        assertThat(hits).filteredOn(h -> h.keyType().equals(TrendKeys.WATCHLIST)).extracting(TrendHit::label).containsExactly("Cháy nổ");
    }
}
