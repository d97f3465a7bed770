package org.quizdesk.system;

import java.time.Instant;
import java.util.Objects;

/**
 * A time no app node was serving: from the last heartbeat before it to the first one after it. The last beat
 * comes up to one heartbeat interval before the real stop, so the outage errs on the long side.
 */
public record Outage(Instant from, Instant to) {

    public Outage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("an outage ends after it starts: " + from + " .. " + to);
        }
    }

    /** Whether the span from {@code start} to {@code end} (inclusive) shares a moment with the outage. */
    public boolean overlaps(Instant start, Instant end) {
        return !end.isBefore(from) && !start.isAfter(to);
    }
}
