package org.quizdesk.attempt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.quizdesk.attempt.internal.AnswerStore;
import org.quizdesk.attempt.internal.AnswerStore.AnswerWrite;
import org.quizdesk.attempt.internal.AnswerStore.Place;
import org.quizdesk.system.OverloadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saves share commits ({@link SharedCommits}): the writer writes the saves it took as one JDBC batch in one
 * transaction. Answering a save only after its commit, and writing each alone when a shared commit fails, means no
 * save is acknowledged that is not stored. One writer, first in first out, keeps the order: two saves of one attempt
 * are written in the order they arrived, and the later wins. A save from a new place (which writes evidence as well)
 * takes a commit of its own, in its turn. With several nodes each batches its own saves.
 */
@Component
class SaveCommits extends SharedCommits<SaveCommits.Save, Integer> {

    private static final Logger log = LoggerFactory.getLogger(SaveCommits.class);

    /** A save: {@code newPlace} is null when it comes from its attempt's usual place. Its writer answers 1 if stored,
     * 0 if the guarded update refused it (submitted, or out of time). */
    record Save(AnswerWrite answers, Place newPlace) {
    }

    /** Within one commit by attempt, stably (one attempt's saves keep their order): two nodes' commits lock rows in
     * the same order, so they cannot deadlock. */
    private static final Comparator<Pending<Save, Integer>> BY_ATTEMPT =
            Comparator.comparingLong(pending -> pending.write().answers().attemptId());

    private final AnswerStore answerStore;
    private final SavePlaces places;
    private final TransactionTemplate transactions;
    private final AttemptMetrics metrics;

    SaveCommits(SaveCommitProperties properties, OverloadProperties overload, AnswerStore answerStore, SavePlaces places,
            TransactionTemplate transactions, AttemptMetrics metrics) {
        // a save turned away here waits as long as one the overload filter turned away
        super("save-commits", 1, properties.queue(), properties.batch(), properties.gather(), properties.commitWait(), overload.retryAfter(),
                metrics::saveTurnedAway);
        this.answerStore = answerStore;
        this.places = places;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /**
     * Stores the save in a commit shared with the saves queued beside it; 1 if stored, 0 if the guarded update
     * refused it (submitted, or out of time). Returns only after the commit.
     *
     * @throws AttemptRefused BUSY when the queue is full or the commit does not come in time ({@link #commit})
     */
    int store(Save save, Room room) {
        return commit(save, room);
    }

    /**
     * Stores the save in the caller's transaction (a submission's final answers, in the commit that claims it): 1 if
     * stored, 0 if the guarded update refused it. A save from a new place records the move with it.
     */
    int storeNow(Save save) {
        AnswerWrite write = save.answers();
        int count = answerStore.save(write.attemptId(), write.accountId(), write.answers(), write.answered(), save.newPlace(),
                write.now(), write.deadlineAfter());
        if (count == 1 && save.newPlace() != null) {
            places.moved(write.attemptId(), save.newPlace(), write.now());
        }
        return count;
    }

    /** In arrival order: saves from their usual place share a commit; one from a new place ends it and commits alone. */
    @Override
    void write(List<Pending<Save, Integer>> taken) {
        List<Pending<Save, Integer>> shared = new ArrayList<>();
        for (Pending<Save, Integer> pending : taken) {
            if (pending.gaveUp()) {
                continue; // its request gave up waiting and was answered 503
            }
            if (pending.write().newPlace() == null) {
                shared.add(pending);
            } else {
                commitTogether(shared);
                shared.clear();
                commitAlone(pending);
            }
        }
        commitTogether(shared);
    }

    private void commitTogether(List<Pending<Save, Integer>> shared) {
        if (shared.size() <= 1) {
            shared.forEach(this::commitAlone);
            return;
        }
        List<Pending<Save, Integer>> ordered = shared.stream().sorted(BY_ATTEMPT).toList();
        int[] stored;
        try {
            stored = transactions.execute(status -> {
                int[] counts = answerStore.saveAll(ordered.stream().map(pending -> pending.write().answers()).toList());
                if (counts.length != ordered.size() || Arrays.stream(counts).anyMatch(count -> count != 0 && count != 1)) {
                    // a driver that does not say which rows it updated: roll back, and each save is written alone
                    throw new IllegalStateException("the batch's update counts do not say which saves were stored");
                }
                return counts;
            });
        } catch (RuntimeException failed) {
            log.warn("A commit of {} saves failed ({}); writing each in a commit of its own", ordered.size(), failed.toString());
            ordered.forEach(this::commitAlone);
            return;
        }
        metrics.savesCommitted(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).outcome().complete(stored[i]);
        }
    }

    private void commitAlone(Pending<Save, Integer> pending) {
        try {
            Integer stored = transactions.execute(status -> storeNow(pending.write()));
            metrics.savesCommitted(1);
            pending.outcome().complete(stored);
        } catch (RuntimeException | Error failed) {
            pending.outcome().completeExceptionally(failed);
        }
    }
}
