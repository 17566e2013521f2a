package vn.iocstream.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginGuardTest {
    private Instant now = Instant.parse("2026-11-20T02:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    @Test
    void anAddressOverItsAttemptsPerMinute_isSlowedUntilTheMinuteHasPassed() {
        LoginGuard g = new LoginGuard(clock, 3, 5, Duration.ofMinutes(15));
        for (int i = 0; i < 3; i++) assertThat(g.check("10.0.0.1", "u" + i)).isEqualTo(LoginGuard.Verdict.TRY);
        assertThat(g.check("10.0.0.1", "u9")).isEqualTo(LoginGuard.Verdict.TOO_FAST);
        assertThat(g.check("10.0.0.2", "u9")).as("another address").isEqualTo(LoginGuard.Verdict.TRY);
        assertThat(g.retryAfterSeconds("10.0.0.1")).isBetween(1L, 61L);
        now = now.plusSeconds(61);
        assertThat(g.check("10.0.0.1", "u9")).isEqualTo(LoginGuard.Verdict.TRY);
    }

    @Test
    void failuresInARow_lockTheAccountForTheLockout_andASuccessResetsTheCount() {
        LoginGuard g = new LoginGuard(clock, 1000, 3, Duration.ofMinutes(15));
        assertThat(g.failed("lanhdao")).isFalse();
        assertThat(g.failed("lanhdao")).isFalse();
        g.succeeded("lanhdao");
        assertThat(g.failed("lanhdao")).isFalse();
        assertThat(g.failed("lanhdao")).isFalse();
        assertThat(g.failed("lanhdao")).isTrue();
        assertThat(g.check("1.2.3.4", "lanhdao")).isEqualTo(LoginGuard.Verdict.LOCKED);
        assertThat(g.check("1.2.3.4", "khac")).isEqualTo(LoginGuard.Verdict.TRY);
        now = now.plus(Duration.ofMinutes(15)).plusSeconds(1);
        assertThat(g.check("1.2.3.4", "lanhdao")).isEqualTo(LoginGuard.Verdict.TRY);
    }
}
