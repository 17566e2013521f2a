package vn.iocstream.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.clickhouse.ClickHouseClient;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.testing.ClickHouseTestServer;

/** Real ClickHouse, a real HTTP webhook receiver on loopback; only the back-off is shortened. */
class AlertServiceTest extends AlertsTestBase {
    private static final Duration QUICK_BACKOFF = Duration.ofMillis(5);

    private ClickHouseClient clickHouse;
    private WebhookReceiver webhook;
    private final RecordingChannel controlRoom = new RecordingChannel("control-room");

    @BeforeEach
    void start() {
        clickHouse = ClickHouseTestServer.freshDatabase("alerts_service");
        webhook = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        webhook.close();
    }

    @Test
    void sameAlertHandledTwice_deliveredOnce_storedOnce() {
        Alert alert = trafficAccidentJump();
        try (AlertService service = service(3, route("*", "info", "webhook"))) {
            service.handle(alert);
            service.handle(alert);

            assertThat(webhook.received()).containsExactly(alert);
            assertThat(webhook.contentTypes()).containsExactly("application/json");
            assertThat(clickHouse.queryLong("SELECT count() FROM alerts FINAL WHERE id = 'a-7f3c91d2e04b'")).isEqualTo(1);
            assertThat(clickHouse.query("SELECT title FROM alerts FINAL", rs -> rs.getString(1)))
                    .containsExactly("Tăng đột biến bài viết: Tai nạn giao thông");
            assertThat(deliveries(alert)).containsExactly("webhook delivered 1");
            assertThat(service.stats()).isEqualTo(new AlertStats(2, 1, Map.of("webhook", 1L), Map.of()));
        }
    }

    @Test
    void restartedService_onSameDatabase_doesNotDeliverAgain() {
        Alert alert = trafficAccidentJump();
        try (AlertService before = service(3, route("*", "info", "webhook", "control-room"))) {
            before.handle(alert);
        }
        try (AlertService after = service(3, route("*", "info", "webhook", "control-room"))) {
            after.handle(alert);

            assertThat(after.stats().duplicatesSkipped()).isEqualTo(2);
            assertThat(after.stats().delivered()).isEmpty();
        }
        assertThat(webhook.received()).hasSize(1);
        assertThat(controlRoom.delivered).hasSize(1);
    }

    @Test
    void webhookFailingTwiceThenAccepting_deliveredOnThirdAttempt() {
        webhook.thenAnswer(500, 500, 200);
        try (AlertService service = service(5, route("*", "info", "webhook"))) {
            service.handle(sshBruteForce());
        }
        assertThat(webhook.received()).hasSize(3);
        assertThat(deliveries(sshBruteForce())).containsExactly("webhook delivered 3");
    }

    @Test
    void webhookAlwaysFailing_recordedFailed_otherChannelStillDelivered() {
        webhook.alwaysAnswer(500);
        Alert alert = sshBruteForce();
        try (AlertService service = service(3, route("ssh-brute-force", "critical", "webhook", "control-room"))) {
            service.handle(alert);

            assertThat(controlRoom.delivered).containsExactly(alert);
            assertThat(webhook.received()).hasSize(3);
            assertThat(deliveries(alert)).containsExactly("control-room delivered 1", "webhook failed 3");
            assertThat(clickHouse.query("SELECT detail FROM alert_deliveries FINAL WHERE channel = 'webhook'",
                    rs -> rs.getString(1))).singleElement().asString().contains("HTTP 500");
            assertThat(service.stats().failed("webhook")).isEqualTo(1);
            assertThat(service.stats().delivered("control-room")).isEqualTo(1);
        }
    }

    @Test
    void failedDelivery_isRetriedWhenTheAlertIsSeenAgain_andTheSuccessWins() {
        webhook.alwaysAnswer(500);
        Alert alert = sshBruteForce();
        try (AlertService service = service(2, route("*", "info", "webhook"))) {
            service.handle(alert);
            webhook.alwaysAnswer(200);
            service.handle(alert);
        }
        // Attempts accumulate (2 failed + 1), so ReplacingMergeTree(attempts) keeps the delivered row.
        clickHouse.execute("OPTIMIZE TABLE alert_deliveries FINAL");
        assertThat(deliveries(alert)).containsExactly("webhook delivered 3");
        try (AlertService restarted = service(2, route("*", "info", "webhook"))) {
            restarted.handle(alert);
        }
        assertThat(webhook.received()).hasSize(3);
    }

    @Test
    void routing_bySeverityAndRuleName() {
        RecordingChannel telegram = new RecordingChannel("telegram");
        List<IocConfig.Route> routes = List.of(
                route("*", "warning", "control-room"),
                route("watchlist-volume-jump", "info", "webhook"),
                route("ssh-brute-force", "critical", "telegram"));
        try (AlertService service = new AlertService(config(3, routes), clickHouse,
                List.of(controlRoom, telegram), QUICK_BACKOFF)) {
            service.handle(floodMention());
            service.handle(trafficAccidentJump());
            service.handle(sshBruteForce());
        }
        assertThat(webhook.received()).containsExactly(floodMention(), trafficAccidentJump());
        assertThat(controlRoom.delivered).containsExactly(trafficAccidentJump(), sshBruteForce());
        assertThat(telegram.delivered).containsExactly(sshBruteForce());
    }

    @Test
    void routeToUnconfiguredChannel_countsAsFailed_withoutDisturbingOthers() {
        try (AlertService service = service(3, route("*", "info", "email", "control-room"))) {
            service.handle(trafficAccidentJump());
            service.handle(sshBruteForce());

            assertThat(service.stats().failed("email")).isEqualTo(2);
            assertThat(controlRoom.delivered).hasSize(2);
            assertThat(deliveries(sshBruteForce())).containsExactly("control-room delivered 1", "email failed 0");
        }
    }

    @Test
    void alertWithoutId_isRejectedBeforeAnythingIsStored() {
        Alert a = trafficAccidentJump();
        Alert noId = new Alert(null, a.rule(), a.severity(), a.key(), a.title(), a.windowStart(), a.windowEnd(),
                a.count(), a.baseline(), a.postIds(), a.createdAt());
        try (AlertService service = service(3, route("*", "info", "webhook"))) {
            assertThatThrownBy(() -> service.handle(noId)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("alert without id");
        }
        assertThat(clickHouse.queryLong("SELECT count() FROM alerts")).isZero();
    }

    private AlertService service(int attempts, IocConfig.Route route) {
        return new AlertService(config(attempts, List.of(route)), clickHouse, List.of(controlRoom), QUICK_BACKOFF);
    }

    private IocConfig.Alerts config(int attempts, List<IocConfig.Route> routes) {
        return new IocConfig.Alerts(routes, webhook.url().toString(), attempts);
    }

    private List<String> deliveries(Alert alert) {
        return clickHouse.query("SELECT channel, status, attempts FROM alert_deliveries FINAL WHERE alert_id = '"
                + alert.id() + "' ORDER BY channel", rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3));
    }

    /** Stands in for the control room, which the app module passes in the same way. */
    private static final class RecordingChannel implements AlertChannel {
        private final String name;
        final List<Alert> delivered = Collections.synchronizedList(new ArrayList<>());

        RecordingChannel(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void deliver(Alert alert) {
            delivered.add(alert);
        }
    }
}
