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
        return store(attemptId, accountId, attempt, canonical, request, SharedCommits.Room.TURN_AWAY);
    }

    /**
     * Stores the answers if the attempt still takes work. In the usual case this is the only statement: one
     * guarded single-row update (the attempt's owner and version are cached, the quiz's grace and access rules
     * briefly, the last save's place too: {@link SavePlaces}), after the quiz's access rules (a cached read), in a
     * commit shared with other saves ({@link SaveCommits}), returning once that commit is done. The save is counted
     * for the evidence timeline in memory ({@link SaveCounts}), not in the database.
     */
    Instant save(long attemptId, long accountId, String answersJson, AccessRequest request) {
        AttemptFacts attempt = owned(attemptId, accountId);
        access.checkWork(attempt.quizId(), accountId, request);
        // a form save or a submission's final answers wait for room in the queue: the submission is never turned away
        return store(attemptId, accountId, attempt, answers.canonical(attempt.versionId(), attempt.versionSeed(), answersJson), request,
                SharedCommits.Room.WAIT);
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

    private Instant store(long attemptId, long accountId, AttemptFacts facts, AttemptAnswers.Canonical canonical, AccessRequest request,
            SharedCommits.Room room) {
        Instant now = clock.instant();
        Instant deadlineAfter = rules.quizTime(facts.quizId(), now).minus(grace.of(facts.quizId()));
        Place place = SavePlaces.of(request);
        Place newPlace = places.changed(attemptId, place);
        int updated = commits.store(new AnswerWrite(attemptId, accountId, canonical.json(), canonical.answered(), now, deadlineAfter),
                newPlace, room);
        if (updated == 0) {
            // the unusual case: time ran out or the attempt is submitted, unless the time ran out during an outage
            Attempt attempt = attempts.findById(attemptId).orElseThrow(AttemptRefused::notFound);
            Optional<Outage> outage = rules.outageAllowing(attempt, now);
            if (outage.isEmpty() || answerStore.saveAfterOutage(attemptId, accountId, canonical.json(), canonical.answered(), now, outage.get()) == 0) {
                metrics.saveRefused();
                throw WorkRules.refusalFor(attempts.findById(attemptId).orElseThrow(AttemptRefused::notFound));
            }
        }
        metrics.saved();
        saveCounts.saved(attemptId, now);
        return now;
    }
}
