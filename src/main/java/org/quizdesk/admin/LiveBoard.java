package org.quizdesk.admin;

import java.time.Duration;
import java.time.Instant;
import org.quizdesk.attempt.ControlRoom;

/**
 * One rendering of the control room's board: the page of rows and the server's now, against which time left and
 * "ago" are written (the page's script keeps counting them between polls, as numbers without words).
 */
record LiveBoard(String quizId, ControlRoom.Page page, LiveFilter filter, Instant now) {

    /** "1:05:09", "4:02" or "0:00" once the time ran out; empty for a row without a running clock. */
    public String left(ControlRoom.Row row) {
        if (row.deadline() == null || row.submittedAt() != null) {
            return "";
        }
        return clock(Duration.between(now, row.deadline()));
    }

    /** How long ago the last save (or the start, before any save) was. */
    public String ago(ControlRoom.Row row) {
        Instant last = row.savedAt() != null ? row.savedAt() : row.startedAt();
        return last == null || row.submittedAt() != null ? "" : clock(Duration.between(last, now));
    }

    public long nowMillis() {
        return now.toEpochMilli();
    }

    static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, seconds % 60) : String.format("%d:%02d", minutes, seconds % 60);
    }
}
