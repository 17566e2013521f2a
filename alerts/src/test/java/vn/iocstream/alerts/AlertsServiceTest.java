package vn.iocstream.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.alerts.testing.HookServer;
import vn.iocstream.alerts.testing.ManualClock;
import vn.iocstream.alerts.testing.TestAlerts;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.Locality;
import vn.iocstream.core.testing.ClickHouseTestServer;
import vn.iocstream.core.validation.RecordLimits;

/**
 * The alerts service on a real ClickHouse server with a real webhook receiver (signatures checked independently), a
 * clock moved by hand for escalation, and real threads for the store's batches and the deliveries.
 */
class AlertsServiceTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String TAM_HIEP = "phường Tam Hiệp";

    @TempDir Path dir;
    private ClickHouseClient clickHouse;
    private HookServer hook;
    private ManualClock clock;
    private final List<AlertsService> services = new ArrayList<>();

    @BeforeEach
    void start() {
        clickHouse = ClickHouseTestServer.freshDatabase("alerts_service");
        hook = new HookServer(SECRET);
        clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterEach
    void stop() {
        services.forEach(AlertsService::close);
        hook.close();
    }

    @Test
    void queries_applyTheScopeInTheQuery_andActionsAreStoredBeforeTheyReturn() throws Exception {
        AlertsService service = start(file());
        AlertDesk desk = service.desk();
        Alert ssh = TestAlerts.sshBruteForce("45.76.12.9", clock.instant(), 12);
        Alert tamHiep = TestAlerts.floodCluster(TAM_HIEP, clock.instant(), 4);
        Alert tranBien = TestAlerts.floodCluster("phường Trấn Biên", clock.instant(), 5);
        for (Alert a : List.of(ssh, tamHiep, tranBien)) service.accept(a);
        service.store().flushNow();

        assertThat(desk.list(AlertQuery.all(), AlertScope.ALL).total()).isEqualTo(3);
        assertThat(ids(desk.list(AlertQuery.all(), AlertScope.provinces("Bình Phước")))).as("old name of Đồng Nai")
                .containsExactlyInAnyOrder(tamHiep.id(), tranBien.id());
        AlertScope ward = AlertScope.of(List.of(), List.of(new Locality("Đồng Nai", "P. Tam Hiệp")));
        assertThat(ids(desk.list(AlertQuery.all(), ward))).containsExactly(tamHiep.id());
        assertThat(desk.list(AlertQuery.all(), AlertScope.of(List.of(), List.of())).total()).isZero();
        assertThat(ids(desk.list(AlertQuery.all().withKinds(List.of("security.*")), AlertScope.ALL))).containsExactly(ssh.id());
        assertThat(ids(desk.list(AlertQuery.all().withText("ngập").withOrder(AlertQuery.Order.SEVERITY), AlertScope.ALL))).hasSize(2);
        assertThat(desk.list(AlertQuery.all().withPage(1, 1), AlertScope.ALL)).satisfies(p -> {
            assertThat(p.items()).hasSize(1);
            assertThat(p.total()).isEqualTo(3);
        });

        AlertView acked = desk.acknowledge(tamHiep.id(), "nguyen.van.a", "đã cử tổ bơm nước", ward);
        assertThat(acked.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        // No flush by the test: the action itself is stored before it returns.
        assertThat(clickHouse.queryLong("SELECT count() FROM alerts FINAL WHERE state = 'acknowledged' AND acknowledged_by = 'nguyen.van.a'"))
                .isEqualTo(1);
        assertThat(ids(desk.list(AlertQuery.all().withStates(Set.of(AlertState.OPEN)), AlertScope.ALL)))
                .containsExactlyInAnyOrder(ssh.id(), tranBien.id());
        AlertDetail detail = desk.get(tamHiep.id(), ward);
        assertThat(detail.history()).extracting(AlertEvent::action).containsExactly(AlertAction.FIRED, AlertAction.ACKNOWLEDGED);
        assertThat(detail.history().get(1).actor()).isEqualTo("nguyen.van.a");
        assertThat(detail.history().get(1).comment()).isEqualTo("đã cử tổ bơm nước");
        assertThat(detail.evidence()).extracting(Evidence::id).containsExactly("1022-0001234", "1022-0001240");
        assertThat(detail.alert().drivers().communes()).extracting(d -> d.name()).containsExactly(TAM_HIEP);

        assertThatThrownBy(() -> desk.acknowledge(tamHiep.id(), "le.van.c", null, ward)).isInstanceOf(AlertConflictException.class);
        assertThatThrownBy(() -> desk.acknowledge(tranBien.id(), "nguyen.van.a", null, ward)).isInstanceOf(AlertNotFoundException.class);
        assertThatThrownBy(() -> desk.get(ssh.id(), ward)).isInstanceOf(AlertNotFoundException.class);
        assertThatThrownBy(() -> desk.comment(ssh.id(), "system", "x", AlertScope.ALL)).isInstanceOf(IllegalArgumentException.class);
        assertThat(desk.summary(AlertScope.provinces("Đồng Nai")).byState())
                .containsEntry(AlertState.ACKNOWLEDGED, 1L).containsEntry(AlertState.OPEN, 1L);
    }

    @Test
    void aThousandAlerts_areWrittenInAFewInserts_notOnePerAlert() throws Exception {
        AlertsService service = start(null);
        Instant at = clock.instant();
        for (int i = 0; i < 1000; i++) service.accept(TestAlerts.variant(TestAlerts.floodCluster(TAM_HIEP, at, 4), "kp" + i));
        service.store().flushNow();

        assertThat(clickHouse.queryLong("SELECT count() FROM alerts FINAL")).isEqualTo(1000);
        assertThat(clickHouse.queryLong("SELECT count() FROM alert_events")).isEqualTo(1000);
        Map<String, Long> inserts = service.store().inserts();
        assertThat(inserts.get("alerts")).as("batches of up to 10,000 rows or 1 s").isBetween(1L, 3L);
        assertThat(inserts.get("alert_events")).isBetween(1L, 3L);
        assertThat(clickHouse.queryLong("SELECT count() FROM system.parts WHERE database = currentDatabase() AND table = 'alerts' AND active"))
                .isLessThanOrEqualTo(3);
    }

    @Test
    void escalation_followsTheClock_andAnAckStopsIt_evenWithASendInFlight() throws Exception {
        AlertsService service = start(file());
        Alert ssh = TestAlerts.sshBruteForce("45.76.12.9", clock.instant(), 12);
        service.accept(ssh);
        assertThat(hook.awaitHits(1, Duration.ofSeconds(10))).extracting(this::receiver).containsExactly("doi-attt");

        clock.advance(Duration.ofMinutes(15));
        service.tick();
        assertThat(hook.awaitHits(2, Duration.ofSeconds(10))).extracting(this::receiver).containsExactly("doi-attt", "truong-phong-attt");

        hook.hold();
        clock.advance(Duration.ofMinutes(30));
        service.tick();
        assertThat(hook.awaitArrival(Duration.ofSeconds(10))).as("the third step is on the wire").isTrue();
        CompletableFuture<AlertView> ack = CompletableFuture.supplyAsync(
                () -> service.desk().acknowledge(ssh.id(), "tran.thi.b", "đang chặn IP", AlertScope.ALL));
        AlertView acked = ack.get(10, TimeUnit.SECONDS);
        hook.release();
        assertThat(acked.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(hook.awaitHits(3, Duration.ofSeconds(10))).as("the send already on the wire completes").hasSize(3);

        clock.advance(Duration.ofMinutes(30)); // the repeat of the last step would be due now
        service.tick();
        Thread.sleep(500);
        assertThat(hook.hits()).as("nothing after the acknowledgement").hasSize(3);
        assertThat(hook.duplicates()).isZero();

        service.desk().resolve(ssh.id(), "tran.thi.b", "đã chặn", AlertScope.ALL);
        assertThatThrownBy(() -> service.desk().acknowledge(ssh.id(), "le.van.c", null, AlertScope.ALL))
                .as("an ack never un-resolves").isInstanceOf(AlertConflictException.class);
        assertThat(clickHouse.queryLong("SELECT count() FROM alerts FINAL WHERE state = 'resolved'")).isEqualTo(1);
    }

    @Test
    void restart_resumesAFailedDelivery_keepsTheEscalationTimer_andDoesNotSendAgainWhatWasSent() throws Exception {
        Path alertsFile = file();
        AlertsService first = start(alertsFile);
        hook.answer(503);
        Alert failing = TestAlerts.sshBruteForce("45.76.12.9", clock.instant(), 12);
        first.accept(failing);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hook.requests() < 1 && System.nanoTime() < deadline) Thread.sleep(10);
        Thread.sleep(100); // the first attempt met the 503 and was recorded; the retry waits 5 s
        first.store().flushNow();
        Alert sent = TestAlerts.sshBruteForce("103.21.9.77", clock.instant(), 40);
        first.accept(sent);
        assertThat(hook.awaitHits(1, Duration.ofSeconds(10))).extracting(h -> h.alertIds().get(0)).containsExactly(sent.id());
        Thread.sleep(200); // the receiver's answer is back and journaled (a kill inside that window would repeat it)
        first.kill(); // nothing more is written: the last delivery is only in the journal
        services.remove(first);

        AlertsService second = start(alertsFile);
        // What Kafka replays after a crash: the alert whose offset was not committed yet.
        second.accept(sent);
        List<HookServer.Hit> hits = hook.awaitHits(2, Duration.ofSeconds(15));
        assertThat(hits).extracting(h -> h.alertIds().get(0)).containsExactlyInAnyOrder(sent.id(), failing.id());
        assertThat(hook.duplicates()).isZero();

        clock.advance(Duration.ofMinutes(15));
        second.tick();
        assertThat(hook.awaitHits(4, Duration.ofSeconds(10))).extracting(this::receiver)
                .as("both alerts' escalation timers survived the restart").containsOnly("doi-attt", "truong-phong-attt")
                .filteredOn("truong-phong-attt"::equals).hasSize(2);
        // Each outcome is recorded right after the receiver answers: wait for the last ones to be stored.
        deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String sentRows = "SELECT uniqExact(delivery_id) FROM alert_deliveries FINAL WHERE status = 'sent'";
        while (clickHouse.queryLong(sentRows) < 4 && System.nanoTime() < deadline) second.store().flushNow();
        assertThat(clickHouse.queryLong(sentRows)).isEqualTo(4);
        assertThat(clickHouse.queryLong("SELECT count() FROM alert_deliveries FINAL WHERE status = 'failed'")).isEqualTo(1);
    }

    @Test
    void reload_refusesABadFileNamingTheLine_keepsTheRulesInForce_andTakesAGoodOne() throws Exception {
        Path alertsFile = file();
        AlertsService service = start(alertsFile);
        String good = Files.readString(alertsFile);
        Files.writeString(alertsFile, good.replace("receivers: [doi-attt]", "receivers: [doi-atttt]"));
        assertThat(service.reload()).isFalse();
        assertThat(service.lastReloadError()).matches(".*alerts\\.yaml line \\d+: receiver 'doi-atttt' is not defined.*");

        service.accept(TestAlerts.sshBruteForce("45.76.12.9", clock.instant(), 12));
        assertThat(hook.awaitHits(1, Duration.ofSeconds(10))).extracting(this::receiver).containsExactly("doi-attt");

        Files.writeString(alertsFile, good.replace("receivers: [doi-attt]", "receivers: [truong-phong-attt]"));
        assertThat(service.reload()).isTrue();
        assertThat(service.lastReloadError()).isEmpty();
        service.accept(TestAlerts.sshBruteForce("103.21.9.77", clock.instant(), 40));
        assertThat(hook.awaitHits(2, Duration.ofSeconds(10))).extracting(this::receiver).containsExactly("doi-attt", "truong-phong-attt");
    }

    @Test
    void silenceFromTheDesk_suppresses_isListedInScope_andItsEndNotifies() throws Exception {
        AlertsService service = start(file());
        AlertScope dongNai = AlertScope.provinces("Đồng Nai");
        assertThatThrownBy(() -> service.desk().createSilence(new SilenceRequest(new AlertMatcher(List.of("security.*"), null,
                "Tây Ninh", null, null, null), null, clock.instant().plus(Duration.ofHours(1)), "bảo trì"), "nguyen.van.a", dongNai))
                .as("a province's staff cannot silence another province").isInstanceOf(IllegalArgumentException.class);
        Silence s = service.desk().createSilence(new SilenceRequest(new AlertMatcher(List.of("order.*"), null, "Đồng Nai", TAM_HIEP,
                null, null), null, clock.instant().plus(Duration.ofHours(1)), "đang bơm thoát nước, đã biết"), "nguyen.van.a", dongNai);
        Alert flood = TestAlerts.floodCluster(TAM_HIEP, clock.instant(), 4);
        service.accept(flood);
        clock.advance(Duration.ofMinutes(1));
        service.tick();
        service.store().flushNow();
        assertThat(service.desk().list(AlertQuery.all(), dongNai).items()).singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.SUPPRESSED));
        assertThat(service.desk().silences(false, dongNai)).extracting(Silence::id).containsExactly(s.id());
        assertThat(service.desk().silences(false, AlertScope.provinces("Tây Ninh"))).isEmpty();
        assertThat(hook.hits()).isEmpty();

        service.desk().expireSilence(s.id(), "nguyen.van.a", dongNai);
        clock.advance(Duration.ofSeconds(30));
        service.tick();
        assertThat(hook.awaitHits(1, Duration.ofSeconds(10))).singleElement()
                .satisfies(h -> assertThat(h.alertIds()).containsExactly(flood.id()));
        assertThat(service.desk().get(flood.id(), dongNai).history()).extracting(AlertEvent::action)
                .containsExactly(AlertAction.FIRED, AlertAction.UNSUPPRESSED);
    }

    @Test
    void feed_resumesAfterTheLastSeenEvent_fromMemory_andAfterARestartFromStorage() throws Exception {
        Path alertsFile = file();
        AlertsService service = start(alertsFile);
        List<AlertFeedEvent> seen = new CopyOnWriteArrayList<>();
        AlertDesk.Subscription sub = service.desk().subscribe(AlertScope.provinces("Đồng Nai"), 0, new AlertFeedListener() {
            @Override public void onEvent(AlertFeedEvent e) {
                seen.add(e);
            }
        });
        Alert flood = TestAlerts.floodCluster(TAM_HIEP, clock.instant(), 4);
        service.accept(flood);
        service.accept(TestAlerts.sshBruteForce("45.76.12.9", clock.instant(), 12)); // Tây Ninh: not in the scope
        awaitSize(seen, 1);
        sub.close();
        long last = seen.get(0).seq();
        service.desk().acknowledge(flood.id(), "nguyen.van.a", null, AlertScope.ALL);
        service.desk().comment(flood.id(), "nguyen.van.a", "nước đã rút một phần", AlertScope.ALL);

        List<AlertFeedEvent> resumed = new CopyOnWriteArrayList<>();
        service.desk().subscribe(AlertScope.provinces("Đồng Nai"), last, listener(resumed));
        awaitSize(resumed, 2);
        assertThat(resumed).extracting(e -> e.event().action()).containsExactly(AlertAction.ACKNOWLEDGED, AlertAction.COMMENTED);
        assertThat(resumed.get(1).alert().state()).isEqualTo(AlertState.ACKNOWLEDGED);

        service.close();
        services.remove(service);
        AlertsService restarted = start(alertsFile);
        List<AlertFeedEvent> afterRestart = new CopyOnWriteArrayList<>();
        restarted.desk().subscribe(AlertScope.provinces("Đồng Nai"), last, listener(afterRestart));
        awaitSize(afterRestart, 2);
        assertThat(afterRestart).extracting(e -> e.event().action()).containsExactly(AlertAction.ACKNOWLEDGED, AlertAction.COMMENTED);
        assertThat(restarted.desk().lastEventId()).isGreaterThan(last);

        List<Long> resets = new CopyOnWriteArrayList<>();
        restarted.desk().subscribe(AlertScope.ALL, Long.MAX_VALUE / 2, new AlertFeedListener() {
            @Override public void onEvent(AlertFeedEvent e) {}

            @Override public void onReset(long latest) {
                resets.add(latest);
            }
        });
        awaitSize(resets, 1);
    }

    // ---------------------------------------------------------------- fixtures

    private AlertsService start(Path file) {
        AlertsService.Settings settings = new AlertsService.Settings(file, Duration.ZERO, Duration.ofSeconds(1), 10_000,
                dir.resolve("journal"), false, Duration.ZERO, RecordLimits.DEFAULT);
        AlertsService s = AlertsService.start(settings, clickHouse, clock);
        services.add(s);
        return s;
    }

    /** Security to the SOC webhook at once, then its head after 15 minutes; Đồng Nai's wards grouped for 30 s. */
    private Path file() throws Exception {
        Path f = dir.resolve("alerts.yaml");
        Files.writeString(f, """
                channels:
                  - {name: hook, type: webhook, url: "%s", secret: "%s", attempts: 4, backoff: 5s}
                receivers:
                  - {name: doi-attt, to: [{channel: hook}]}
                  - {name: truong-phong-attt, to: [{channel: hook}]}
                  - {name: lanh-dao-so, to: [{channel: hook}]}
                  - {name: truc-ban-tam-hiep, to: [{channel: hook}]}
                route:
                  groupWait: 30s
                  resolveAfter: 3h
                  routes:
                    - name: attt
                      match: {kind: "security.*"}
                      receivers: [doi-attt]
                      groupBy: [dedupKey]
                      groupWait: 0s
                      escalation:
                        - {after: 15m, receivers: [truong-phong-attt]}
                        - {after: 30m, receivers: [lanh-dao-so], repeat: 1}
                    - name: tam-hiep
                      match: {province: "Đồng Nai", commune: "phường Tam Hiệp"}
                      receivers: [truc-ban-tam-hiep]
                """.formatted(hook.url(), SECRET));
        return f;
    }

    private String receiver(HookServer.Hit h) {
        return h.body().path("data").path("receiver").asText();
    }

    private static List<String> ids(Page<AlertView> page) {
        return page.items().stream().map(AlertView::id).toList();
    }

    private static AlertFeedListener listener(List<AlertFeedEvent> into) {
        return into::add;
    }

    private static void awaitSize(List<?> list, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (list.size() < n && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(list).hasSizeGreaterThanOrEqualTo(n);
    }
}
