package vn.iocstream.deploy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A news site's clock that the test moves: the demo site shows the articles published up to it. */
final class SiteClock extends Clock {
    private final AtomicReference<Instant> now;

    SiteClock(AtomicReference<Instant> now) {
        this.now = now;
    }

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
        return now.get();
    }
}
