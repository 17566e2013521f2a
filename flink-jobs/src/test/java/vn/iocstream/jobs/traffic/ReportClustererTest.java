package vn.iocstream.jobs.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.model.AnalysedReport;

class ReportClustererTest {
    private static final Instant EVENING = Instant.parse("2026-11-20T11:00:00Z");
    private final ReportClusterer clusterer = new ReportClusterer(4, Duration.ofMinutes(30).toMillis());

    static AnalysedReport report(String id, Instant at) {
        return new AnalysedReport(id, at, "hotline-1022", "Ngập nước", "ngap-nuoc", "ngap sau qua", "tam-hiep|dong-nai",
                "phường Tam Hiệp", "Đồng Nai", "Đồng Nai", null, null, List.of(), List.of("ngập nước"), "negative", -0.6, "");
    }

    @Test
    void fourReportsWithinTheWindow_formOneCluster_andReturnEveryMemberWithItsId() {
        ClusterState s = new ClusterState();
        for (int i = 0; i < 3; i++) {
            ReportClusterer.Outcome o = clusterer.add(s, report("r" + i, EVENING.plus(Duration.ofMinutes(5L * i))));
            assertThat(o.formed()).isEmpty();
            assertThat(o.rows()).singleElement().extracting(AnalysedReport::clusterId).isEqualTo("");
        }
        ReportClusterer.Outcome o = clusterer.add(s, report("r3", EVENING.plus(Duration.ofMinutes(20))));
        ReportClusterer.Cluster c = o.formed().orElseThrow();
        assertThat(c.reports()).isEqualTo(4);
        assertThat(c.sampleIds()).containsExactly("r0", "r1", "r2", "r3");
        assertThat(c.firstMs()).isEqualTo(EVENING.toEpochMilli());
        assertThat(c.lastMs()).isEqualTo(EVENING.plus(Duration.ofMinutes(20)).toEpochMilli());
        assertThat(o.rows()).extracting(AnalysedReport::clusterId).containsOnly(c.id()).hasSize(4);

        // A fifth report joins the open cluster; no second alert.
        ReportClusterer.Outcome fifth = clusterer.add(s, report("r4", EVENING.plus(Duration.ofMinutes(45))));
        assertThat(fifth.formed()).isEmpty();
        assertThat(fifth.rows()).singleElement().extracting(AnalysedReport::clusterId).isEqualTo(c.id());
    }

    @Test
    void reportsSpreadWiderThanTheWindow_neverCluster() {
        ClusterState s = new ClusterState();
        for (int i = 0; i < 10; i++) {
            assertThat(clusterer.add(s, report("r" + i, EVENING.plus(Duration.ofMinutes(11L * i)))).formed()).isEmpty();
        }
        assertThat(s.recent).hasSizeLessThan(4);
    }

    @Test
    void clusterQuietForAWindow_closes_andANewOneGetsANewId() {
        ClusterState s = new ClusterState();
        String first = null;
        for (int i = 0; i < 4; i++) {
            var o = clusterer.add(s, report("a" + i, EVENING.plus(Duration.ofMinutes(i))));
            if (o.formed().isPresent()) first = o.formed().get().id();
        }
        assertThat(clusterer.expire(s, EVENING.plus(Duration.ofMinutes(40)).toEpochMilli())).isTrue();
        String second = null;
        for (int i = 0; i < 4; i++) {
            var o = clusterer.add(s, report("b" + i, EVENING.plus(Duration.ofMinutes(60 + i))));
            if (o.formed().isPresent()) second = o.formed().get().id();
        }
        assertThat(first).isNotNull();
        assertThat(second).isNotNull().isNotEqualTo(first);
    }

    @Test
    void sameReports_sameClusterId() {
        String[] ids = new String[2];
        for (int run = 0; run < 2; run++) {
            ClusterState s = new ClusterState();
            for (int i = 0; i < 4; i++) {
                var o = clusterer.add(s, report("r" + i, EVENING.plus(Duration.ofMinutes(i))));
                if (o.formed().isPresent()) ids[run] = o.formed().get().id();
            }
        }
        assertThat(ids[0]).isNotNull().isEqualTo(ids[1]);
    }
}
