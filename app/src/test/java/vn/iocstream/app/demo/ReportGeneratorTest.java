package vn.iocstream.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.validation.RecordLimits;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.core.model.AnalysedReport;
import vn.iocstream.core.model.CitizenReport;
import vn.iocstream.jobs.traffic.ClusterState;
import vn.iocstream.jobs.traffic.Communes;
import vn.iocstream.jobs.traffic.ReportClusterer;
import vn.iocstream.jobs.traffic.ReportTopics;

class ReportGeneratorTest {
    private static final Instant EVENING = Instant.parse("2026-11-20T11:00:00Z");
    private static final ReportGenerator GENERATOR = new ReportGenerator(2025);

    @Test
    void sameSeed_sameReports_eachValid_withUniqueIds() {
        List<CitizenReport> a = GENERATOR.reports(EVENING, EVENING.plus(Duration.ofHours(12)), Duration.ofMinutes(3), List.of());
        assertThat(a).isEqualTo(new ReportGenerator(2025).reports(EVENING, EVENING.plus(Duration.ofHours(12)), Duration.ofMinutes(3), List.of()));
        assertThat(a).hasSizeBetween(200, 280).allMatch(r -> r.problem(RecordLimits.DEFAULT, Instant.now()) == null);
        assertThat(a).extracting(CitizenReport::id).doesNotHaveDuplicates();
    }

    @Test
    void reportsLookLikeAProvincesIntake() {
        List<CitizenReport> a = GENERATOR.reports(EVENING, EVENING.plus(Duration.ofHours(12)), Duration.ofMinutes(3), List.of());
        assertThat(a).extracting(CitizenReport::channel).contains("hotline-1022", "app");
        assertThat(a).extracting(CitizenReport::text)
                .anyMatch(t -> t.contains("ngập") || t.contains("Kẹt xe"))          // with diacritics
                .anyMatch(t -> t.contains(" ko ") || t.contains(" dc"))              // teencode
                .anyMatch(t -> t.toLowerCase().equals(vn.iocstream.core.geo.VietnameseKeys.fold(t))); // none at all
        assertThat(a).extracting(r -> r.location().province()).contains("Bình Phước", "Quảng Nam", "Nam Định");
        assertThat(a).anyMatch(r -> r.location().commune() == null && r.location().lat() != null);
    }

    @Test
    void backgroundNeverClusters_andTheInjectedClusterFormsExactlyOnce() {
        Instant end = EVENING.plus(Duration.ofHours(12));
        assertThat(clusters(GENERATOR.reports(EVENING, end, Duration.ofMinutes(3), List.of()))).isEmpty();

        ReportGenerator.Cluster flood = new ReportGenerator.Cluster(ReportGenerator.TAM_HIEP, "ngap-nuoc",
                EVENING.plus(Duration.ofHours(3)), 5, Duration.ofMinutes(3));
        assertThat(clusters(GENERATOR.reports(EVENING, end, Duration.ofMinutes(3), List.of(flood)))).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("tam-hiep|dong-nai|ngap-nuoc");
            // The ward's own background flood report may join the cluster: it is about the same water.
            assertThat(c.sampleIds()).filteredOn(id -> id.contains("-c0-")).hasSizeGreaterThanOrEqualTo(3);
        });
    }

    /** Clusters formed, with place and topic as TrafficJob finds them minus the NLP (category and raw text suffice). */
    private static List<ReportClusterer.Cluster> clusters(List<CitizenReport> reports) {
        ReportClusterer clusterer = new ReportClusterer(4, Duration.ofMinutes(30).toMillis());
        Map<String, ClusterState> states = new HashMap<>();
        List<ReportClusterer.Cluster> formed = new ArrayList<>();
        for (CitizenReport r : reports) {
            Communes.Place place = Communes.resolve(Gazetteer.load(), r.location(), "");
            AnalysedReport a = new AnalysedReport(r.id(), r.time(), r.channel(), r.category(), ReportTopics.topicOf(r.category(), r.text()),
                    r.text(), place.key(), place.commune(), place.province(), place.provinceWritten(), null, null, List.of(), List.of(),
                    "neutral", 0, "");
            clusterer.add(states.computeIfAbsent(a.clusterKey(), k -> new ClusterState()), a).formed().ifPresent(formed::add);
        }
        return formed;
    }
}
