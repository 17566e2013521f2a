package vn.iocstream.alerts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.iocstream.alerts.AlertAction;
import vn.iocstream.alerts.AlertConflictException;
import vn.iocstream.alerts.AlertEvent;
import vn.iocstream.alerts.AlertMatcher;
import vn.iocstream.alerts.AlertNotFoundException;
import vn.iocstream.alerts.AlertScope;
import vn.iocstream.alerts.AlertState;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.Silence;
import vn.iocstream.alerts.SilenceRequest;
import vn.iocstream.alerts.config.AlertsFile;
import vn.iocstream.alerts.testing.ManualClock;
import vn.iocstream.alerts.testing.TestAlerts;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.Locality;

/**
 * The lifecycle as pure logic, with a clock moved by hand, over the README's routing example (Đồng Nai, two wards'
 * duty officers, the security team). The service-level tests run the same scenarios through Kafka and ClickHouse.
 */
class AlertEngineTest {
    /** 10:00 in Vietnam (03:00 UTC), a Tuesday: no quiet hours. */
    private static final Instant MORNING = Instant.parse("2026-11-24T03:00:00Z");
    private static final String TAM_HIEP = "phường Tam Hiệp";

    private final ManualClock clock = new ManualClock(MORNING);
    private final Recorder out = new Recorder();
    private final AlertEngine engine = new AlertEngine(
            AlertsFile.read(Path.of("src/test/resources/alerts/dong-nai.yaml"), name -> null),
            clock, new Sequence(clock), out);

    @Test
    void sameDedupKey_countsIntoOneAlert_andPagesOnce() {
        engine.fire(TestAlerts.sshBruteForce("45.76.12.9", MORNING, 12));
        clock.advance(Duration.ofMinutes(2));
        engine.fire(TestAlerts.sshBruteForce("45.76.12.9", MORNING.plus(Duration.ofMinutes(2)), 30));
        engine.fire(TestAlerts.sshBruteForce("45.76.12.9", MORNING.plus(Duration.ofMinutes(2)), 31)); // same occurrence, updated

        assertThat(out.latestViews()).hasSize(1);
        AlertView v = out.latestViews().get(0);
        assertThat(v.occurrences()).isEqualTo(2);
        assertThat(v.count()).isEqualTo(31);
        assertThat(v.state()).isEqualTo(AlertState.OPEN);
        assertThat(out.notifications).extracting(Notification::receiver).containsExactly("doi-attt");
        assertThat(out.actions(v.id())).containsExactly(AlertAction.FIRED, AlertAction.REFIRED, AlertAction.REFIRED);
    }

    @Test
    void alertsOfOneWard_groupIntoOneNotification_afterGroupWait_thenGroupInterval() {
        engine.fire(TestAlerts.floodCluster(TAM_HIEP, MORNING, 4));
        clock.advance(Duration.ofSeconds(10));
        engine.fire(TestAlerts.variant(TestAlerts.floodCluster(TAM_HIEP, MORNING.plusSeconds(10), 5), "kp4"));
        engine.tick();
        assertThat(out.notifications).as("groupWait 30 s not over").isEmpty();

        clock.advance(Duration.ofSeconds(20));
        engine.tick();
        assertThat(out.notifications).singleElement().satisfies(n -> {
            assertThat(n.receiver()).isEqualTo("truc-ban-tam-hiep");
            assertThat(n.alertIds()).hasSize(2);
        });

        clock.advance(Duration.ofMinutes(1));
        engine.fire(TestAlerts.variant(TestAlerts.floodCluster(TAM_HIEP, clock.instant(), 6), "kp7"));
        engine.tick();
        assertThat(out.notifications).as("groupInterval 5 min since the last notification").hasSize(1);
        clock.advance(Duration.ofMinutes(4));
        engine.tick();
        assertThat(out.notifications).hasSize(2);
        assertThat(out.notifications.get(1).alertIds()).as("the news first").hasSize(3).first().asString().endsWith("kp7");
    }

    @Test
    void silence_suppressesNewAndOpenAlerts_andItsEndOpensThemAndNotifies() {
        engine.fire(TestAlerts.floodCluster(TAM_HIEP, MORNING, 4));
        Silence s = engine.createSilence(new SilenceRequest(new AlertMatcher(List.of("order.*"), null, "Đồng Nai", TAM_HIEP, null, null),
                null, MORNING.plus(Duration.ofHours(1)), "đang bơm thoát nước, đã biết"), "nguyen.van.a");
        engine.fire(TestAlerts.variant(TestAlerts.floodCluster(TAM_HIEP, MORNING, 4), "kp9"));
        clock.advance(Duration.ofMinutes(5));
        engine.tick();

        assertThat(out.latestViews()).extracting(AlertView::state).containsOnly(AlertState.SUPPRESSED);
        assertThat(out.latestViews()).extracting(AlertView::silenceId).containsOnly(s.id());
        assertThat(out.notifications).isEmpty();

        engine.expireSilence(s.id(), "nguyen.van.a", AlertScope.ALL);
        clock.advance(Duration.ofSeconds(30));
        engine.tick();
        assertThat(out.latestViews()).extracting(AlertView::state).containsOnly(AlertState.OPEN);
        assertThat(out.notifications).singleElement().satisfies(n -> assertThat(n.alertIds()).hasSize(2));
    }

    @Test
    void quietHours_holdWarningsUntilMorning_butNotCritical() {
        clock.set(Instant.parse("2026-11-24T22:30:00Z")); // 05:30 in Vietnam
        engine.fire(TestAlerts.floodCluster(TAM_HIEP, clock.instant(), 4));
        clock.advance(Duration.ofMinutes(10));
        engine.tick();
        assertThat(out.notifications).isEmpty();

        clock.set(Instant.parse("2026-11-24T22:59:59Z")); // 05:59:59
        engine.tick();
        assertThat(out.notifications).isEmpty();
        clock.set(Instant.parse("2026-11-24T23:00:00Z")); // 06:00
        engine.tick();
        assertThat(out.notifications).singleElement().extracting(Notification::receiver).isEqualTo("truc-ban-tam-hiep");

        Alert critical = TestAlerts.severity(TestAlerts.floodCluster(TAM_HIEP, Instant.parse("2026-11-25T16:30:00Z"), 40), "critical");
        clock.set(Instant.parse("2026-11-25T16:30:00Z")); // 23:30 the next night
        engine.fire(critical);
        clock.advance(Duration.ofSeconds(30));
        engine.tick();
        assertThat(out.notifications).hasSize(2);
    }

    @Test
    void escalation_followsTheChain_andAcknowledgementStopsIt() {
        Alert ssh = TestAlerts.sshBruteForce("45.76.12.9", MORNING, 12);
        engine.fire(ssh);
        clock.advance(Duration.ofMinutes(15));
        engine.tick();
        assertThat(out.receivers()).containsExactly("doi-attt", "truong-phong-attt");

        clock.advance(Duration.ofMinutes(29));
        engine.tick();
        assertThat(out.receivers()).hasSize(2);
        clock.advance(Duration.ofMinutes(1));
        engine.tick();
        assertThat(out.receivers()).containsExactly("doi-attt", "truong-phong-attt", "lanh-dao-so");

        AlertView acked = engine.acknowledge(ssh.id(), "tran.thi.b", "đang chặn IP trên tường lửa", AlertScope.ALL);
        assertThat(acked.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        clock.advance(Duration.ofHours(3));
        engine.tick();
        assertThat(out.receivers()).as("the repeat of the last step is not sent after the ack").hasSize(3);
        assertThat(out.actions(ssh.id())).as("and after an hour without news it resolves by itself").containsExactly(
                AlertAction.FIRED, AlertAction.ESCALATED, AlertAction.ESCALATED, AlertAction.ACKNOWLEDGED, AlertAction.RESOLVED);
    }

    @Test
    void escalationQueuedBeforeTheAck_isNoLongerWantedOnceTheAckReturns() {
        Alert ssh = TestAlerts.sshBruteForce("45.76.12.9", MORNING, 12);
        engine.fire(ssh);
        clock.advance(Duration.ofMinutes(15));
        engine.tick();
        Notification escalation = out.notifications.get(1);
        assertThat(engine.stillWanted(escalation)).isTrue();

        engine.acknowledge(ssh.id(), "tran.thi.b", null, AlertScope.ALL);

        assertThat(engine.stillWanted(escalation)).isFalse();
        assertThat(engine.stillWanted(out.notifications.get(0))).isFalse();
    }

    @Test
    void acknowledgingAResolvedAlert_isRefused_andNeverReopensIt() {
        Alert ssh = TestAlerts.sshBruteForce("45.76.12.9", MORNING, 12);
        engine.fire(ssh);
        engine.resolve(ssh.id(), "tran.thi.b", "đã chặn", AlertScope.ALL);

        assertThatThrownBy(() -> engine.acknowledge(ssh.id(), "le.van.c", null, AlertScope.ALL))
                .isInstanceOf(AlertConflictException.class).hasMessageContaining("tran.thi.b");
        assertThat(engine.view(ssh.id()).orElseThrow().state()).isEqualTo(AlertState.RESOLVED);
        assertThatThrownBy(() -> engine.resolve(ssh.id(), "le.van.c", null, AlertScope.ALL)).isInstanceOf(AlertConflictException.class);
    }

    @Test
    void outOfScope_isNotFound() {
        Alert flood = TestAlerts.floodCluster(TAM_HIEP, MORNING, 4);
        engine.fire(flood);
        AlertScope otherWard = AlertScope.of(List.of(), List.of(new Locality("Đồng Nai", "phường Trấn Biên")));
        assertThatThrownBy(() -> engine.acknowledge(flood.id(), "x", null, otherWard)).isInstanceOf(AlertNotFoundException.class);
        AlertScope oldName = AlertScope.provinces("Biên Hòa");
        assertThat(engine.acknowledge(flood.id(), "x", null, oldName).state()).isEqualTo(AlertState.ACKNOWLEDGED);
    }

    @Test
    void quietTime_resolvesOpenAlerts_andExpiresSuppressedOnes() {
        Alert ssh = TestAlerts.sshBruteForce("45.76.12.9", MORNING, 12);
        engine.fire(ssh);
        engine.createSilence(new SilenceRequest(new AlertMatcher(List.of("order.report_cluster"), null, "Đồng Nai", null, null, null),
                null, MORNING.plus(Duration.ofDays(1)), "diễn tập"), "nguyen.van.a");
        Alert flood = TestAlerts.floodCluster(TAM_HIEP, MORNING, 4);
        engine.fire(flood);
        clock.advance(Duration.ofMinutes(59));
        engine.tick();
        assertThat(engine.view(ssh.id()).orElseThrow().state()).isEqualTo(AlertState.OPEN);

        clock.advance(Duration.ofMinutes(1));
        engine.tick();
        assertThat(engine.view(ssh.id()).orElseThrow().state()).isEqualTo(AlertState.RESOLVED);
        assertThat(engine.view(ssh.id()).orElseThrow().resolvedBy()).isEqualTo(AlertEvent.SYSTEM);
        assertThat(engine.view(flood.id()).orElseThrow().state()).isEqualTo(AlertState.EXPIRED);
    }

    @Test
    void clearedOccurrence_resolvesItsAlert() {
        Alert ssh = TestAlerts.sshBruteForce("45.76.12.9", MORNING, 12);
        engine.fire(ssh);
        clock.advance(Duration.ofMinutes(3));
        engine.fire(ssh.clearedAt(clock.instant()));
        assertThat(engine.view(ssh.id()).orElseThrow().state()).isEqualTo(AlertState.RESOLVED);
        assertThat(engine.view(ssh.id()).orElseThrow().occurrences()).isEqualTo(1);
    }

    @Test
    void refireWithinTheDedupWindow_reopens_laterOneOpensANewAlert() {
        Alert first = TestAlerts.sshBruteForce("45.76.12.9", MORNING, 12);
        engine.fire(first);
        engine.resolve(first.id(), "tran.thi.b", null, AlertScope.ALL);
        clock.advance(Duration.ofHours(2));
        engine.fire(TestAlerts.sshBruteForce("45.76.12.9", clock.instant(), 8));
        AlertView reopened = engine.view(first.id()).orElseThrow();
        assertThat(reopened.state()).isEqualTo(AlertState.OPEN);
        assertThat(reopened.acknowledgedBy()).isEmpty();
        assertThat(out.actions(first.id())).endsWith(AlertAction.REOPENED);
        assertThat(out.receivers()).as("a reopened alert pages again").containsExactly("doi-attt", "doi-attt");

        engine.resolve(first.id(), "tran.thi.b", null, AlertScope.ALL);
        clock.advance(Duration.ofHours(7));
        engine.tick();
        Alert later = TestAlerts.sshBruteForce("45.76.12.9", clock.instant(), 9);
        engine.fire(later);
        assertThat(engine.view(later.id()).orElseThrow().state()).isEqualTo(AlertState.OPEN);
        assertThat(engine.holds(first.id())).as("forgotten after its dedup window").isFalse();
    }

    @Test
    void restoredEngine_continuesTheEscalationWhereTheStoredStateLeftIt() {
        Alert ssh = TestAlerts.sshBruteForce("45.76.12.9", MORNING, 12);
        engine.fire(ssh);
        clock.advance(Duration.ofMinutes(15));
        engine.tick();
        AlertView stored = out.latestViews().get(0);
        AlertBookkeeping bookkeeping = out.bookkeeping.get(out.bookkeeping.size() - 1);

        Recorder after = new Recorder();
        AlertEngine restarted = new AlertEngine(engine.config(), clock, new Sequence(clock), after);
        restarted.restore(List.of(new AlertEngine.StoredAlert(stored, bookkeeping)), out.latestGroups(), List.of());
        clock.advance(Duration.ofMinutes(30));
        restarted.tick();
        engine.tick();
        assertThat(after.receivers()).containsExactly("lanh-dao-so");
        assertThat(after.notifications.get(0).id()).as("the same work gives the same id")
                .isEqualTo(out.notifications.get(out.notifications.size() - 1).id());
    }

    /** Collects what the engine emits. */
    static final class Recorder implements AlertEngine.Output {
        final List<AlertView> views = new ArrayList<>();
        final List<AlertBookkeeping> bookkeeping = new ArrayList<>();
        final List<AlertEvent> events = new ArrayList<>();
        final List<GroupRow> groups = new ArrayList<>();
        final List<Notification> notifications = new ArrayList<>();

        @Override public void alert(AlertView view, AlertBookkeeping b) {
            views.add(view);
            bookkeeping.add(b);
        }

        @Override public void event(AlertEvent event, AlertView after) {
            events.add(event);
        }

        @Override public void group(GroupRow row) {
            groups.add(row);
        }

        @Override public void silence(Silence silence) {}

        @Override public void dispatch(Notification n) {
            notifications.add(n);
        }

        List<AlertView> latestViews() {
            java.util.Map<String, AlertView> latest = new java.util.LinkedHashMap<>();
            for (AlertView v : views) latest.put(v.id(), v);
            return new ArrayList<>(latest.values());
        }

        List<GroupRow> latestGroups() {
            java.util.Map<String, GroupRow> latest = new java.util.LinkedHashMap<>();
            for (GroupRow g : groups) latest.put(g.id(), g);
            return new ArrayList<>(latest.values());
        }

        List<AlertAction> actions(String id) {
            return events.stream().filter(e -> e.alertId().equals(id)).map(AlertEvent::action).toList();
        }

        List<String> receivers() {
            return notifications.stream().map(Notification::receiver).toList();
        }
    }
}
