package vn.iocstream.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.model.Alert;

class AlertRouterTest extends AlertsTestBase {
    private final AlertRouter router = new AlertRouter(List.of(
            route("*", "warning", "control-room"),
            route("watchlist-volume-jump", "info", "webhook"),
            route("ssh-brute-force", "critical", "telegram", "control-room")));

    @Test
    void infoAlert_reachesOnlyRoutesWhoseMinimumIsInfo() {
        assertThat(router.channels(floodMention())).containsExactly("webhook");
    }

    @Test
    void warningAlert_unitesWildcardAndRuleRoutesInConfigOrder() {
        assertThat(router.channels(trafficAccidentJump())).containsExactly("control-room", "webhook");
    }

    @Test
    void criticalAlert_listsEachChannelOnce() {
        assertThat(router.channels(sshBruteForce())).containsExactly("control-room", "telegram");
    }

    @Test
    void unknownSeverity_routesAsWarning() {
        assertThat(router.channels(withSeverity(sshBruteForce(), "nghiêm trọng"))).containsExactly("control-room");
        assertThat(router.channels(withSeverity(sshBruteForce(), null))).containsExactly("control-room");
    }

    @Test
    void severity_isCaseInsensitive() {
        assertThat(router.channels(withSeverity(sshBruteForce(), "CRITICAL"))).containsExactly("control-room", "telegram");
    }

    @Test
    void noRoutes_noChannels() {
        assertThat(new AlertRouter(null).channels(sshBruteForce())).isEmpty();
    }

    private static Alert withSeverity(Alert a, String severity) {
        return new Alert(a.id(), a.rule(), severity, a.key(), a.title(), a.windowStart(), a.windowEnd(), a.count(),
                a.baseline(), a.postIds(), a.createdAt());
    }
}
