package vn.iocstream.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo scenario must hold what the demo promises: a quiet baseline, then one burst. */
class DemoNewsroomTest {
    private static final Instant START = Instant.parse("2026-11-20T02:00:00Z");
    private final List<DemoArticle> scenario = new DemoNewsroom(START, 42, 8, 20, Duration.ofMinutes(5)).scenario();

    @Test
    void scenario_isOrderedWithUniqueSlugs() {
        assertThat(scenario).isSortedAccordingTo((a, b) -> a.publishedAt().compareTo(b.publishedAt()));
        assertThat(scenario).extracting(DemoArticle::slug).doesNotHaveDuplicates();
    }

    @Test
    void archive_mentionsTheIncidentRarely() {
        List<DemoArticle> incidentInArchive = scenario.stream()
                .filter(a -> a.publishedAt().isBefore(START) && mentionsIncident(a)).toList();
        assertThat(incidentInArchive).hasSizeLessThanOrEqualTo(7);
        for (int i = 1; i < incidentInArchive.size(); i++) {
            assertThat(Duration.between(incidentInArchive.get(i - 1).publishedAt(), incidentInArchive.get(i).publishedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(9));
        }
    }

    @Test
    void burst_isTwelveArticlesWithinAMinuteOfItsStart() {
        List<DemoArticle> burst = scenario.stream()
                .filter(a -> !a.publishedAt().isBefore(START.plusSeconds(20)) && a.publishedAt().isBefore(START.plusSeconds(90))
                        && mentionsIncident(a)).toList();
        assertThat(burst).hasSize(12);
        assertThat(Duration.between(burst.get(0).publishedAt(), burst.get(11).publishedAt())).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void sameSeed_sameNews() {
        assertThat(new DemoNewsroom(START, 42, 8, 20, Duration.ofMinutes(5)).scenario()).isEqualTo(scenario);
    }

    private static boolean mentionsIncident(DemoArticle a) {
        String text = (a.title() + " " + String.join(" ", a.paragraphs())).toLowerCase();
        return text.contains(DemoNewsroom.INCIDENT_PHRASE) || text.contains("tai nan giao thong");
    }
}
