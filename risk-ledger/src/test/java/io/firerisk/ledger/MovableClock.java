package io.firerisk.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that stands still until a test moves it (to the next morning, say). */
final class MovableClock extends Clock {
    private final ZoneId zone;
    private volatile Instant now;

    MovableClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    void set(Instant instant) {
        this.now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock c = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return c.withZone(other);
            }

            @Override
            public Instant instant() {
                return c.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
