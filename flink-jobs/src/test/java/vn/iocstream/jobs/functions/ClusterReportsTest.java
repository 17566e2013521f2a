package vn.iocstream.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.AnalysedReport;
import vn.iocstream.core.model.Locality;
import vn.iocstream.jobs.traffic.ReportClusterer;

class ClusterReportsTest {
    private static final Instant EVENING = Instant.parse("2026-11-20T11:00:00Z");
    private KeyedOneInputStreamOperatorTestHarness<String, AnalysedReport, AnalysedReport> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new ClusterReports(new ReportClusterer(4, Duration.ofMinutes(30).toMillis())), AnalysedReport::clusterKey, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void report(String id, Instant at) throws Exception {
        // The first report writes the ward without diacritics, as citizens often do, another abbreviates it; one comes
        // by the hotline.
        String commune = switch (id) {
            case "r0" -> "phuong Tam Hiep";
            case "r2" -> "P. Tam Hiệp";
            default -> "Phường Tam Hiệp";
        };
        harness.processElement(new AnalysedReport(id, at, id.equals("r1") ? "hotline-1022" : "app", "", "ngap-nuoc",
                "ngap sau qua", "tam-hiep|dong-nai", commune, "Đồng Nai", "", null, null, List.of(),
                List.of("ngập sâu", "Tam Hiệp"), "negative", -0.5, ""), at.toEpochMilli());
    }

    @Test
    void reportsArrivingOutOfOrder_formTheClusterOfTheirEventTimes_andStateDrains() throws Exception {
        for (int i : new int[] {3, 0, 2, 1}) report("r" + i, EVENING.plus(Duration.ofMinutes(4L * i)));
        harness.processWatermark(EVENING.plus(Duration.ofMinutes(13)).toEpochMilli());

        List<Alert> alerts = harness.getSideOutput(ClusterReports.ALERTS).stream().map(StreamRecord::getValue).toList();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(ReportClusterer.RULE);
            assertThat(a.count()).isEqualTo(4);
            assertThat(a.postIds()).containsExactly("r0", "r1", "r2", "r3");
            assertThat(a.windowStart()).isEqualTo(EVENING);
            assertThat(a.windowEnd()).isEqualTo(EVENING.plus(Duration.ofMinutes(12)));
            assertThat(a.title()).isEqualTo("4 phản ánh về ngập nước tại phường Tam Hiệp (Đồng Nai) trong 12 phút");
            assertThat(a.kind()).isEqualTo("order.report_cluster");
            assertThat(a.locality()).as("the ward as most reports write it with diacritics, its prefix spelled out")
                    .isEqualTo(new Locality("Đồng Nai", "phường Tam Hiệp"));
            assertThat(a.drivers().outlets()).extracting(AlertDrivers.Facet::name).containsExactly("app", "hotline-1022");
            assertThat(a.drivers().phrases()).extracting(AlertDrivers.Facet::count).containsOnly(4L);
            assertThat(a.drivers().first().id()).isEqualTo("r0");
        });
        // Three rows before the cluster, then all four again with its id.
        List<AnalysedReport> rows = harness.extractOutputValues();
        assertThat(rows).hasSize(7);
        assertThat(rows.subList(3, 7)).extracting(AnalysedReport::clusterId).containsOnly(alerts.get(0).id());

        harness.processWatermark(Long.MAX_VALUE);
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
