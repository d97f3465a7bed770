package org.quizdesk.attempt;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.attempt.internal.EvidenceStore;
import org.quizdesk.proctor.ProctorAction;
import org.quizdesk.proctor.ProctorLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An attempt's evidence for disputes: where it started, its saves per minute, changes of address and browser, the
 * student's refusals by the quiz's access rules, the proctor's actions that reached it, and its submission. The save path writes none of it beyond its one update: see {@link SavePlaces} and {@link SaveCounts}.
 */
@Service
public class AttemptEvidence {

    /**
     * One line of the timeline.
     *
     * @param saves the saves of that minute ({@link EvidenceKind#SAVES}), else 0
     */
    public record Entry(Instant at, EvidenceKind kind, String detail, int saves) {
    }

    /** Where the attempt started from; the raw User-Agent for disputes, the label for reading. */
    public record Start(String address, String browser, String userAgent) {
    }

    /** The timeline, oldest first. */
    public record Timeline(Start start, List<Entry> entries) {
    }

    private final AttemptRepository attempts;
    private final EvidenceStore store;
    private final SaveCounts saveCounts;
    private final AccessRefusals refusals;
    private final ProctorLog proctorLog;
    private final Clock clock;

    AttemptEvidence(AttemptRepository attempts, EvidenceStore store, SaveCounts saveCounts, AccessRefusals refusals,
            ProctorLog proctorLog, Clock clock) {
        this.attempts = attempts;
        this.store = store;
        this.saveCounts = saveCounts;
        this.refusals = refusals;
        this.proctorLog = proctorLog;
        this.clock = clock;
    }

    /** Records an event of the attempt now, in the caller's transaction if there is one (staff actions). */
    @Transactional
    public void record(long attemptId, EvidenceKind kind, String detail) {
        if (!kind.stored()) {
            throw new IllegalArgumentException(kind + " is not recorded as an event");
        }
        store.insert(attemptId, clock.instant(), kind.name(), detail);
    }

    /**
     * The attempt's timeline: four reads (events, save minutes, refusals, the proctor's actions) plus the attempt;
     * empty for no attempt.
     */
    @Transactional(readOnly = true)
    public Optional<Timeline> timeline(long attemptId) {
        Optional<Attempt> found = attempts.findById(attemptId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Attempt attempt = found.get();
        List<Entry> entries = new ArrayList<>();
        for (EvidenceStore.Event event : store.events(attemptId)) {
            entries.add(new Entry(event.at(), EvidenceKind.valueOf(event.kind()), event.detail(), 0));
        }
        Map<Instant, Integer> minutes = new TreeMap<>(saveCounts.pending(attemptId));
        store.saveMinutes(attemptId).forEach(m -> minutes.merge(m.minute(), m.saves(), Integer::sum));
        minutes.forEach((minute, saves) -> entries.add(new Entry(minute, EvidenceKind.SAVES, null, saves)));
        for (AccessRefusals.Refusal refusal : refusals.of(attempt.getQuizId(), attempt.getAccountId())) {
            entries.add(new Entry(refusal.at(), EvidenceKind.REFUSED, refusal.rule().name()
                    + (refusal.address() == null ? "" : " " + refusal.address()), 0));
        }
        Instant end = attempt.isSubmitted() ? attempt.getSubmittedAt() : null;
        for (ProctorAction action : proctorLog.affecting(attemptId, attempt.getQuizId(), attempt.getStartedAt())) {
            if (end == null || !action.at().isAfter(end)) {
                entries.add(new Entry(action.at(), EvidenceKind.PROCTOR, action.kindText()
                        + (action.detail() == null ? "" : ": " + action.detail())
                        + (action.reason() == null ? "" : " (" + action.reason() + ")"), 0));
            }
        }
        // a minute's saves after that minute's events (the start comes before its first save); for one instant the
        // start first and the submission last, as they happened
        entries.sort(Comparator.comparing(AttemptEvidence::sortTime).thenComparing(e -> e.kind() == EvidenceKind.SUBMITTED)
                .thenComparing(e -> e.kind() != EvidenceKind.STARTED));
        return Optional.of(new Timeline(new Start(attempt.getStartAddress(), attempt.getStartBrowser(), attempt.getStartUserAgent()),
                entries));
    }

    private static Instant sortTime(Entry entry) {
        return entry.kind() == EvidenceKind.SAVES ? entry.at().plusSeconds(60).minusNanos(1) : entry.at();
    }

    /** "address · browser", either part left out when unknown. */
    static String place(String address, String browser) {
        if (address == null) {
            return browser;
        }
        return browser == null ? address : address + " · " + browser;
    }
}
