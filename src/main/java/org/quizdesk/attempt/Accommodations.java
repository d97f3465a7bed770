package org.quizdesk.attempt;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quizdesk.attempt.internal.Accommodation;
import org.quizdesk.attempt.internal.AccommodationRepository;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Students' accommodations on a quiz (more time, a window of their own), and who may still be answering. */
@Service
public class Accommodations {

    /** One student's accommodation on one quiz; a null window end means the quiz's own. */
    public record Granted(String quizId, long accountId, BigDecimal timeFactor, int extraMinutes, Instant opensAt,
            Instant closesAt) {

        static Granted of(Accommodation accommodation) {
            return new Granted(accommodation.getQuizId(), accommodation.getAccountId(), accommodation.getTimeFactor(),
                    accommodation.getExtraMinutes(), accommodation.getOpensAt(), accommodation.getClosesAt());
        }
    }

    private final AccommodationRepository accommodations;
    private final AttemptRepository attempts;
    private final QuizGrace grace;

    Accommodations(AccommodationRepository accommodations, AttemptRepository attempts, QuizGrace grace) {
        this.accommodations = accommodations;
        this.attempts = attempts;
        this.grace = grace;
    }

    @Transactional(readOnly = true)
    public List<Granted> of(String quizId) {
        return accommodations.findByQuizId(quizId).stream().map(Granted::of).toList();
    }

    /**
     * Gives the student the extra time and window (replacing an earlier accommodation).
     *
     * @throws IllegalArgumentException with a message for the instructor
     */
    @Transactional
    public void grant(String quizId, long accountId, BigDecimal timeFactor, int extraMinutes, Instant opens, Instant closes) {
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            throw new IllegalArgumentException("A personal window must close after it opens.");
        }
        Accommodation accommodation = accommodations.findByQuizIdAndAccountId(quizId, accountId)
                .orElseGet(() -> new Accommodation(quizId, accountId));
        accommodation.setExtraTime(timeFactor, extraMinutes);
        accommodation.setWindow(opens, closes);
        accommodations.save(accommodation);
    }

    @Transactional
    public void remove(String quizId, long accountId) {
        accommodations.findByQuizIdAndAccountId(quizId, accountId).ifPresent(accommodations::delete);
    }

    /**
     * Who could still be answering at this instant, by account id, with until when (null: no end known): attempts not
     * submitted whose time (plus grace) has not run out, and students with a personal window still open who have not
     * started.
     */
    @Transactional(readOnly = true)
    public Map<Long, Instant> stillWorking(String quizId, Instant now) {
        var quizGrace = grace.of(quizId);
        Map<Long, Attempt> byStudent = attempts.findByQuizId(quizId).stream()
                .collect(Collectors.toMap(Attempt::getAccountId, Function.identity()));
        Map<Long, Instant> until = new HashMap<>();
        byStudent.values().stream().filter(a -> a.acceptsWorkAt(now, quizGrace))
                .forEach(a -> until.put(a.getAccountId(), a.getDeadline()));
        for (Accommodation accommodation : accommodations.findByQuizId(quizId)) {
            boolean windowOpen = accommodation.getClosesAt() != null ? now.isBefore(accommodation.getClosesAt())
                    : accommodation.getOpensAt() != null;
            if (windowOpen && !byStudent.containsKey(accommodation.getAccountId())) {
                until.put(accommodation.getAccountId(), accommodation.getClosesAt());
            }
        }
        return until;
    }
}
