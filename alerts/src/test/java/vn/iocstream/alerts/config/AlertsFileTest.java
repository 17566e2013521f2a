package vn.iocstream.alerts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.iocstream.alerts.AlertState;
import vn.iocstream.alerts.AlertView;
import vn.iocstream.alerts.engine.RoutingTree;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.Locality;

class AlertsFileTest {
    private static final String CHANNELS = """
            channels:
              - {name: soc-webhook, type: webhook, url: "https://soc.tayninh.gov.vn/hooks/ioc", secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}
            receivers:
              - {name: doi-attt, to: [{channel: soc-webhook}]}
            """;

    @Test
    void theShippedExample_andTheReadmeExample_parse() {
        Map<String, String> env = Map.of("IOC_SOC_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "IOC_TELEGRAM_TOKEN", "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0", "IOC_SMTP_PASSWORD", "mat-khau",
                "IOC_ZALO_APP_ID", "4318207312145678", "IOC_ZALO_SECRET_KEY", "s3cr3t", "IOC_ZALO_REFRESH_TOKEN", "r0");
        AlertsFile shipped = AlertsFile.read(Path.of("../config/alerts.yaml"), env::get);
        assertThat(shipped.zone().getId()).isEqualTo("Asia/Ho_Chi_Minh");
        AlertsFile example = AlertsFile.read(Path.of("src/test/resources/alerts/dong-nai.yaml"), name -> null);
        assertThat(example.receivers()).containsKeys("truc-ban-tam-hiep", "truc-ban-tran-bien", "doi-attt");
        assertThat(example.allRoutes()).extracting(Route::id).containsExactly("root", "attt", "tam-hiep", "tran-bien", "dong-nai");
        Route attt = example.allRoutes().get(1);
        assertThat(attt.groupWait()).isZero();
        assertThat(attt.resolveAfter()).as("inherited from the root").isEqualTo(Duration.ofHours(1));
        assertThat(attt.escalation()).extracting(Route.EscalationStep::after).containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(30));
    }

    @Test
    void routing_provinceIncludesItsCommunes_oldNamesMapToCurrentUnits_continueFallsThrough() {
        AlertsFile file = AlertsFile.read(Path.of("src/test/resources/alerts/dong-nai.yaml"), name -> null);
        RoutingTree tree = new RoutingTree(file.root());
        assertThat(tree.routes(view("order.report_cluster", "warning", new Locality("Đồng Nai", "Phường Tam Hiệp"))))
                .extracting(Route::id).containsExactly("tam-hiep");
        assertThat(tree.routes(view("media.trend", "warning", new Locality("Bình Phước", null))))
                .as("Bình Phước is in Đồng Nai since 2025").extracting(Route::id).containsExactly("dong-nai");
        assertThat(tree.routes(view("security.scan", "critical", new Locality("Đồng Nai", "phường Trấn Biên"))))
                .extracting(Route::id).containsExactly("attt", "tran-bien");
        assertThat(tree.routes(view("media.trend", "info", new Locality("Đồng Nai", null))))
                .as("below the province route's minSeverity: the root").extracting(Route::id).containsExactly("root");
    }

    @Test
    void aRouteNamingAnUnknownReceiver_isRefusedWithItsLine() {
        assertThatThrownBy(() -> AlertsFile.parse("alerts.yaml", CHANNELS + """
                route:
                  routes:
                    - match: {kind: "security.*"}
                      receivers: [doi-attt, lanh-dao]
                """, name -> null))
                .isInstanceOf(AlertsConfigException.class).hasMessage("alerts.yaml line 8: receiver 'lanh-dao' is not defined (receivers: doi-attt)");
    }

    @Test
    void aReceiverNamingAChannelThatIsNotConfigured_isRefusedAtLoad_notAtEveryDelivery() {
        assertThatThrownBy(() -> AlertsFile.parse("alerts.yaml", """
                receivers:
                  - name: truc-ban
                    to:
                      - {channel: webhook}
                """, name -> null)).hasMessage("alerts.yaml line 4: receiver 'truc-ban' names channel 'webhook', which is not configured (channels: )");
    }

    @Test
    void typosBadValuesAndMissingSecrets_nameTheirLine() {
        assertThatThrownBy(() -> AlertsFile.parse("a.yaml", CHANNELS + "route:\n  groupWiat: 30s\n", n -> null))
                .hasMessage("a.yaml line 6: unknown key 'groupWiat'");
        assertThatThrownBy(() -> AlertsFile.parse("a.yaml", CHANNELS + "route:\n  groupWait: 30 giây\n", n -> null))
                .hasMessageStartingWith("a.yaml line 6: '30 giây' is not a duration");
        assertThatThrownBy(() -> AlertsFile.parse("a.yaml", """
                channels:
                  - {name: tg, type: telegram, token: "${IOC_TELEGRAM_TOKEN}"}
                """, n -> null)).hasMessage("a.yaml line 2: environment variable IOC_TELEGRAM_TOKEN is not set");
        assertThatThrownBy(() -> AlertsFile.parse("a.yaml", """
                channels:
                  - {name: hook, type: webhook, url: "https://x.vn/h", secret: "abc"}
                """, n -> null)).hasMessageStartingWith("a.yaml line 2: a webhook secret is whsec_");
        assertThatThrownBy(() -> AlertsFile.parse("a.yaml", CHANNELS + "route:\n  routes:\n    - match: {province: \"Sài Gòn Mới\"}\n", n -> null))
                .hasMessage("a.yaml line 7: unknown province 'Sài Gòn Mới'");
        assertThatThrownBy(() -> AlertsFile.parse("a.yaml", "route: {receivers: [x]\n", n -> null))
                .hasMessageStartingWith("a.yaml line 2:");
        assertThatThrownBy(() -> AlertsFile.parse("a.yaml", "timezone: Asia/Hanoi\ntimezone: UTC\n", n -> null))
                .hasMessageContaining("line 2").hasMessageContaining("duplicate");
    }

    @Test
    void quietHours_crossMidnight_inVietnamTime_andChainIntoOneStretch() {
        AlertsFile file = AlertsFile.parse("a.yaml", CHANNELS + """
                route:
                  receivers: [doi-attt]
                  quietHours:
                    times: [{days: [sat, sun], from: "00:00", to: "24:00"}, {from: "22:00", to: "06:00"}]
                    except: [critical]
                """, n -> null);
        QuietHours q = file.root().quiet();
        // Friday 23:00 in Vietnam is quiet until Monday 06:00: the night and the weekend join up.
        assertThat(q.quietUntil(Instant.parse("2026-11-27T16:00:00Z"), "warning", file.zone()))
                .contains(Instant.parse("2026-11-29T23:00:00Z"));
        assertThat(q.quietUntil(Instant.parse("2026-11-27T16:00:00Z"), "critical", file.zone())).isEmpty();
        assertThat(q.quietUntil(Instant.parse("2026-11-25T03:00:00Z"), "info", file.zone())).as("Wednesday 10:00").isEmpty();
    }

    @Test
    void anEmptyFile_isTheBuiltInNobodyIsNotified() {
        AlertsFile file = AlertsFile.parse("empty.yaml", "", n -> null);
        assertThat(file.channels()).isEmpty();
        assertThat(file.root().receivers()).isEmpty();
        assertThat(AlertsFile.builtIn().root().receivers()).isEmpty();
    }

    private static AlertView view(String kind, String severity, Locality locality) {
        return new AlertView("a1", kind, "rule", severity, AlertState.OPEN, "t", "", locality, Map.of(), "k", "k", 1, 0, 1,
                Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, "", "", null, "", null, "", 0,
                AlertDrivers.NONE, List.of(), 1);
    }
}
