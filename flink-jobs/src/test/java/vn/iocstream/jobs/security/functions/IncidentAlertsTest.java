package vn.iocstream.jobs.security.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.Ids;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.jobs.security.RuleHit;
import vn.iocstream.jobs.security.SecurityRules;

class IncidentAlertsTest {
    private static final IocConfig.Site SITE = new IocConfig.Site("Tây Ninh", "");
    /** The shipped defaults of the rules used here (config/ioc-defaults.yaml). */
    private static final Map<String, IocConfig.Rule> RULES = Map.of(
            SecurityRules.IDS_ALERT, new IocConfig.Rule(true, 1, 600, ""),
            SecurityRules.SSH_BRUTE_FORCE, new IocConfig.Rule(true, 5, 600, "warning"),
            SecurityRules.PORT_SCAN, new IocConfig.Rule(true, 1, 60, "warning"));
    /** 09:15 Vietnam time, when the attack on the provincial public-service portal begins. */
    private static final long T = Instant.parse("2026-11-20T02:15:00Z").toEpochMilli();
    private static final String SOURCE = "45.76.12.9";
    private static final String SIGNATURE = "ET EXPLOIT Apache Struts RCE (dichvucong.tayninh.gov.vn)";
    private static final String IDS_KEY = SOURCE + " " + SIGNATURE;
    /** Where the watermark stands while the hits arrive: the default 30 s out-of-orderness behind the newest. */
    private static final long WATERMARK = T - 30_000;

    private KeyedOneInputStreamOperatorTestHarness<String, RuleHit, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = open(null);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void idsHit_alertsOnArrival_beforeTheWatermark_andNotAgainAfter() throws Exception {
        harness.processWatermark(WATERMARK);
        ids(T, "suricata-1");
        List<Alert> early = harness.extractOutputValues();
        assertThat(early).hasSize(1);
        Alert alert = early.get(0);
        assertThat(alert.id()).isEqualTo(Ids.of(SecurityRules.IDS_ALERT, IDS_KEY, Long.toString(T)));
        assertThat(alert.count()).isEqualTo(1);
        assertThat(alert.postIds()).containsExactly("suricata-1");
        assertThat(alert.clearedAt()).isNull();

        harness.processWatermark(T + 1);
        harness.processWatermark(Long.MAX_VALUE); // the incident closes; it did not grow, so no report
        assertThat(harness.extractOutputValues()).containsExactly(alert);
        assertDrained();

        // The same hit arriving behind the watermark takes the ordered path: the very same alert.
        close();
        harness = open(null);
        harness.processWatermark(T + 1);
        ids(T, "suricata-1");
        assertThat(harness.extractOutputValues()).containsExactly(alert);
    }

    @Test
    void inOrderArrival_givesTheAlertsOfTheOrderedPath() throws Exception {
        long[] times = {T, T + 5_000, T + 65_000, T + 900_000}; // the last opens a second incident
        for (int i = 0; i < times.length; i++) { // the watermark trails each hit by the out-of-orderness
            harness.processWatermark(times[i] - 30_000);
            ids(times[i], "suricata-" + i);
        }
        assertThat(harness.extractOutputValues()).hasSize(3); // both openings came early, the first close on time
        harness.processWatermark(Long.MAX_VALUE);
        List<Alert> withEarly = harness.extractOutputValues();

        close();
        harness = open(null);
        for (int i = 0; i < times.length; i++) { // the watermark at each hit: applied on arrival, as the ordered path does
            harness.processWatermark(times[i]);
            ids(times[i], "suricata-" + i);
        }
        harness.processWatermark(Long.MAX_VALUE);
        List<Alert> ordered = harness.extractOutputValues();

        assertThat(withEarly).isEqualTo(ordered).hasSize(3);
        assertThat(withEarly).extracting(Alert::id).containsExactly(
                Ids.of(SecurityRules.IDS_ALERT, IDS_KEY, Long.toString(T)), Ids.of(SecurityRules.IDS_ALERT, IDS_KEY, Long.toString(T)),
                Ids.of(SecurityRules.IDS_ALERT, IDS_KEY, Long.toString(T + 900_000)));
        assertThat(withEarly.get(1).count()).isEqualTo(3);
    }

    @Test
    void earlierHitArrivingAfterTheAnnouncement_keepsTheAnnouncedId_andTheCloseReportCarriesTheGrownCount() throws Exception {
        harness.processWatermark(WATERMARK);
        ids(T, "suricata-late-partition");
        ids(T - 10_000, "suricata-early"); // from a slower partition: ahead of the watermark, behind the announced hit
        assertThat(harness.extractOutputValues()).hasSize(1);

        harness.processWatermark(Long.MAX_VALUE);
        List<Alert> alerts = harness.extractOutputValues();
        String announced = Ids.of(SecurityRules.IDS_ALERT, IDS_KEY, Long.toString(T));
        assertThat(alerts).extracting(Alert::id).containsExactly(announced, announced);
        Alert report = alerts.get(1);
        assertThat(report.count()).isEqualTo(2);
        assertThat(report.windowStart()).isEqualTo(Instant.ofEpochMilli(T - 10_000)); // the incident's real start
        assertThat(report.clearedAt()).isNotNull();
        assertDrained();
    }

    @Test
    void sshRuleWithThresholdFive_andScans_waitForTheWatermark() throws Exception {
        harness.processWatermark(WATERMARK);
        for (int i = 0; i < 5; i++) {
            hit(new RuleHit(SecurityRules.SSH_BRUTE_FORCE, SOURCE, null, T + i * 1_000L, "sshd-" + i, 1, "warning"));
        }
        hit(new RuleHit(SecurityRules.PORT_SCAN, SOURCE + " → 10.20.0.15", "22", T, "conn-1", 1, "warning"));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(T + 4_000);
        assertThat(harness.extractOutputValues()).extracting(Alert::rule)
                .containsExactlyInAnyOrder(SecurityRules.SSH_BRUTE_FORCE, SecurityRules.PORT_SCAN);
    }

    @Test
    void sshLineStandingForFiveFailures_reachesTheThresholdAlone_andAlertsOnArrival() throws Exception {
        harness.processWatermark(WATERMARK);
        // "message repeated 5 times: [ Failed password for root from 45.76.12.9 ... ]"
        hit(new RuleHit(SecurityRules.SSH_BRUTE_FORCE, SOURCE, null, T, "sshd-repeated", 5, "warning"));
        assertThat(harness.extractOutputValues()).singleElement().satisfies(a -> assertThat(a.count()).isEqualTo(5));
    }

    @Test
    void announcementSurvivesSnapshotAndRestore_withoutASecondAlert() throws Exception {
        harness.processWatermark(WATERMARK);
        ids(T, "suricata-1");
        Alert announced = harness.extractOutputValues().get(0);
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        close();

        harness = open(snapshot);
        ids(T - 10_000, "suricata-0");
        harness.processWatermark(Long.MAX_VALUE);
        List<Alert> afterRestore = harness.extractOutputValues();
        assertThat(afterRestore).singleElement().satisfies(report -> {
            assertThat(report.id()).isEqualTo(announced.id());
            assertThat(report.count()).isEqualTo(2);
            assertThat(report.clearedAt()).isNotNull();
        });
        assertDrained();
    }

    @Test
    void announcedHitAbsorbedByAnIncidentThatOpenedUnderItsOwnId_resolvesTheAnnouncedAlert() throws Exception {
        harness.processWatermark(WATERMARK);
        ids(T, "suricata-now");
        // Hits long behind the watermark (a shipper that was down) open an earlier incident and bridge it to T.
        ids(T - 700_000, "suricata-backlog-1");
        ids(T - 200_000, "suricata-backlog-2");
        harness.processWatermark(Long.MAX_VALUE);
        String announced = Ids.of(SecurityRules.IDS_ALERT, IDS_KEY, Long.toString(T));
        String earlier = Ids.of(SecurityRules.IDS_ALERT, IDS_KEY, Long.toString(T - 700_000));
        List<Alert> alerts = harness.extractOutputValues();
        assertThat(alerts).extracting(Alert::id).containsExactly(announced, earlier, announced, earlier);
        assertThat(alerts.get(2).clearedAt()).isNotNull();
        assertThat(alerts.get(3).count()).isEqualTo(3);
        assertDrained();
    }

    private KeyedOneInputStreamOperatorTestHarness<String, RuleHit, Alert> open(OperatorSubtaskState restore) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, RuleHit, Alert> h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new IncidentAlerts(RULES, SITE)), RuleHit::stateKey, Types.STRING);
        if (restore != null) h.initializeState(restore);
        h.open();
        return h;
    }

    private void ids(long timeMs, String eventId) throws Exception {
        hit(new RuleHit(SecurityRules.IDS_ALERT, IDS_KEY, null, timeMs, eventId, 1, "critical"));
    }

    private void hit(RuleHit hit) throws Exception {
        harness.processElement(hit, hit.timeMs());
    }

    private void assertDrained() {
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
