package org.quizdesk.attempt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.quizdesk.attempt.internal.ControlRoomQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the proctor's control room reads: a cheap version stamp of the quiz's attempts with the header's counts (one
 * aggregate, which is all an unchanged poll costs), and one page of the roster with each student's attempt.
 */
@Service
public class ControlRoom {

    /** The orders the table offers. */
    public enum Sort {
        NAME(ControlRoomQueries.Order.NET_ID),
        TIME_LEFT(ControlRoomQueries.Order.TIME_LEFT),
        LAST_SAVE(ControlRoomQueries.Order.LAST_SAVE);

        private final ControlRoomQueries.Order order;

        Sort(ControlRoomQueries.Order order) {
            this.order = order;
        }
    }

    /**
     * The header's counts and the version they were read at.
     *
     * @param version changes whenever a student starts, saves or is submitted, an event is recorded (a change of
     *        address, a proctor's action), a deadline moves past the latest, or the roster's size changes
     */
    public record Counts(long roster, long notStarted, long inProgress, long submitted, long timeRanOut, String version) {
    }

    /** One rostered student. Time left and "ago" are the page's to compute from the instants, against the server's now. */
    public record Row(long accountId, String netId, String fullName, Long attemptId, LiveStatus status, Instant startedAt,
            Instant deadline, Instant savedAt, int answered, String startAddress, String startBrowser, String lastAddress,
            String lastBrowser, boolean secondAddress, boolean secondBrowser, Instant submittedAt, SubmittedBy submittedBy) {

        /** Whether saves came from another address or browser than the start. */
        public boolean flagged() {
            return secondAddress || secondBrowser;
        }
    }

    /** A page of rows; {@code matching} counts every row the filter selects. */
    public record Page(Counts counts, List<Row> rows, int page, int size, long matching) {

        public int pages() {
            return (int) Math.max(1, (matching + size - 1) / size);
        }
    }

    private final ControlRoomQueries queries;

    ControlRoom(ControlRoomQueries queries) {
        this.queries = queries;
    }

    /** The counts and version stamp: one aggregate query. */
    @Transactional(readOnly = true)
    public Counts counts(String quizId) {
        ControlRoomQueries.Stamp stamp = queries.stamp(quizId);
        String version = digest(String.join("|", String.valueOf(stamp.roster()), String.valueOf(stamp.started()),
                String.valueOf(stamp.submitted()), String.valueOf(stamp.ranOut()), millis(stamp.lastSave()),
                millis(stamp.lastSubmission()), millis(stamp.lastStart()), millis(stamp.lastDeadline()),
                String.valueOf(stamp.saves()), String.valueOf(stamp.lastEvent())));
        long inProgress = stamp.started() - stamp.submitted();
        return new Counts(stamp.roster(), Math.max(0, stamp.roster() - stamp.started()), inProgress,
                stamp.submitted() - stamp.ranOut(), stamp.ranOut(), version);
    }

    /**
     * One page of the roster (a page number from 0), filtered by status (null: all) and a search in net ids and
     * names, with the counts: two queries, three with a filter.
     */
    @Transactional(readOnly = true)
    public Page page(String quizId, LiveStatus status, String search, Sort sort, int page, int size) {
        Counts counts = counts(quizId);
        int from = Math.max(0, page) * size;
        String pattern = pattern(search);
        List<ControlRoomQueries.Row> rows = queries.page(quizId, status, pattern, sort.order, from, size);
        // unfiltered, the roster's size from the stamp is the count
        long matching = status == null && pattern == null ? counts.roster() : queries.count(quizId, status, pattern);
        return new Page(counts, rows.stream().map(ControlRoom::row).toList(), Math.max(0, page), size, matching);
    }

    private static Row row(ControlRoomQueries.Row r) {
        LiveStatus status = r.attemptId() == null ? LiveStatus.NOT_STARTED
                : r.submittedAt() == null ? LiveStatus.IN_PROGRESS
                : r.submittedBy() == SubmittedBy.DEADLINE ? LiveStatus.TIME_RAN_OUT : LiveStatus.SUBMITTED;
        return new Row(r.accountId(), r.netId(), r.fullName(), r.attemptId(), status, r.startedAt(), r.deadline(), r.savedAt(),
                r.answered(), r.startAddress(), r.startBrowser(), r.lastAddress(), r.lastBrowser(), r.secondAddress(),
                r.secondBrowser(), r.submittedAt(), r.submittedBy());
    }

    /** A lower-case LIKE pattern with {@code !} as escape, or null for no search. */
    private static String pattern(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String escaped = search.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String millis(Instant instant) {
        return instant == null ? "-" : String.valueOf(instant.toEpochMilli());
    }
}
