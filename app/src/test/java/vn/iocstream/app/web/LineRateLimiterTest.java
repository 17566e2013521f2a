package vn.iocstream.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A token bucket per caller: a minute's worth at once, then refilled continuously. */
class LineRateLimiterTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-10-14T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void emptiedBucket_refillsAtTheMinuteRate_perCaller() {
        ManualClock clock = new ManualClock();
        LineRateLimiter limiter = new LineRateLimiter(60, clock);

        assertThat(limiter.acquire("zalo", 60)).isZero();
        assertThat(limiter.acquire("zalo", 10)).isEqualTo(10); // one line a second
        assertThat(limiter.acquire("facebook", 60)).isZero(); // its own bucket
        clock.now = clock.now.plusSeconds(10);
        assertThat(limiter.acquire("zalo", 10)).isZero();
        clock.now = clock.now.plusSeconds(3600);
        assertThat(limiter.acquire("zalo", 61)).as("never more than a minute's worth").isEqualTo(1);
    }
}
