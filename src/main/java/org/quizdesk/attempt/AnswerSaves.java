package org.quizdesk.attempt;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.quizdesk.attempt.internal.AnswerStore;
import org.quizdesk.attempt.internal.AnswerStore.AnswerWrite;
import org.quizdesk.attempt.internal.AnswerStore.Place;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.system.Outage;
import org.springframework.stereotype.Component;

/** Saving answers: the hot path, one guarded single-row update in the usual case. */
@Component
class AnswerSaves {

    private final AttemptFacts.Lookup facts;
    private final AttemptAnswers answers;
    private final AnswerStore answerStore;
    private final AttemptRepository attempts;
    private final QuizGrace grace;
    private final WorkRules rules;
    private final AutosaveRate autosaveRate;
    private final AccessChecks access;
    private final AttemptMetrics metrics;
    private final SavePlaces places;
    private final SaveCounts saveCounts;
    private final SaveCommits commits;
    private final Clock clock;

    AnswerSaves(AttemptFacts.Lookup facts, AttemptAnswers answers, AnswerStore answerStore, AttemptRepository attempts,
            QuizGrace grace, WorkRules rules, AutosaveRate autosaveRate, AccessChecks access, AttemptMetrics metrics,
            SavePlaces places, SaveCounts saveCounts, SaveCommits commits, Clock clock) {
        this.facts = facts;
        this.answers = answers;
        this.answerStore = answerStore;
        this.attempts = attempts;
        this.grace = grace;
        this.rules = rules;
        this.autosaveRate = autosaveRate;
        this.access = access;
        this.metrics = metrics;
        this.places = places;
        this.saveCounts = saveCounts;
        this.commits = commits;
        this.clock = clock;
    }

    /**
     * An autosave: a save, if the attempt has not saved too often in the last moment. The owner and the answers
     * are checked first, so neither another student's requests nor a refused body use up the allowance; then the
     * quiz's access rules.
     */
    Instant autosave(long attemptId, long accountId, String answersJson, AccessRequest request) {
        AttemptFacts attempt = owned(attemptId, accountId);
        access.checkWork(attempt.quizId(), accountId, request);
        AttemptAnswers.Canonical canonical = answers.canonical(attempt.versionId(), attempt.versionSeed(), answersJson);
        autosaveRate.take(attemptId);
        return store(saveOf(attemptId, attempt, canonical, request), SharedCommits.Room.TURN_AWAY);
    }

    /**
     * Stores the answers if the attempt still takes work. In the usual case this is the only statement: one
     * guarded single-row update (the attempt's owner and version are cached, the quiz's grace and access rules
     * briefly, the last save's place too: {@link SavePlaces}), after the quiz's access rules (a cached read), in a
     * commit shared with other saves ({@link SaveCommits}), returning once that commit is done. The save is counted
     * for the evidence timeline in memory ({@link SaveCounts}), not in the database.
     */
    Instant save(long attemptId, long accountId, String answersJson, AccessRequest request) {
        // a form save, or final answers a submission's commit refused, waits for room in the queue: never turned away
        return store(checked(attemptId, accountId, answersJson, request), SharedCommits.Room.WAIT);
    }

    /**
     * The answers as a save, after the checks a save makes (owner, the quiz's access rules, the answers themselves),
     * for a submission to store in the commit that claims it ({@link SubmitCommits}); {@link #stored} once it has.
     */
    SaveCommits.Save checked(long attemptId, long accountId, String answersJson, AccessRequest request) {
        AttemptFacts attempt = owned(attemptId, accountId);
        access.checkWork(attempt.quizId(), accountId, request);
        return saveOf(attemptId, attempt, answers.canonical(attempt.versionId(), attempt.versionSeed(), answersJson), request);
    }

    /** Counts a save that was stored (for the metrics and the evidence timeline). */
    void stored(SaveCommits.Save save) {
        metrics.saved();
        saveCounts.saved(save.answers().attemptId(), save.answers().now());
    }

    /** Whether these answers are the attempt's stored ones, as they would be stored. */
    boolean areStored(Attempt attempt, String answersJson) {
        return answers.canonical(attempt.getVersionId(), attempt.getVersionSeed(), answersJson).json().equals(attempt.getAnswers());
    }

    private AttemptFacts owned(long attemptId, long accountId) {
        AttemptFacts attempt = facts.of(attemptId);
        if (attempt.accountId() != accountId) {
            throw AttemptRefused.notFound();
        }
        return attempt;
    }

    /** The save of an owned attempt's checked answers, at this moment and from this place. */
    private SaveCommits.Save saveOf(long attemptId, AttemptFacts attempt, AttemptAnswers.Canonical canonical, AccessRequest request) {
        Instant now = clock.instant();
        Instant deadlineAfter = rules.quizTime(attempt.quizId(), now).minus(grace.of(attempt.quizId()));
        Place newPlace = places.changed(attemptId, SavePlaces.of(request));
        return new SaveCommits.Save(new AnswerWrite(attemptId, attempt.accountId(), canonical.json(), canonical.answered(), now, deadlineAfter),
                newPlace);
    }

    private Instant store(SaveCommits.Save save, SharedCommits.Room room) {
        AnswerWrite write = save.answers();
        if (commits.store(save, room) == 0) {
            // the unusual case: time ran out or the attempt is submitted, unless the time ran out during an outage
            Attempt attempt = attempts.findById(write.attemptId()).orElseThrow(AttemptRefused::notFound);
            Optional<Outage> outage = rules.outageAllowing(attempt, write.now());
            if (outage.isEmpty() || answerStore.saveAfterOutage(write.attemptId(), write.accountId(), write.answers(), write.answered(),
                    write.now(), outage.get()) == 0) {
                metrics.saveRefused();
                throw WorkRules.refusalFor(attempts.findById(write.attemptId()).orElseThrow(AttemptRefused::notFound));
            }
        }
        stored(save);
        return write.now();
    }
}
