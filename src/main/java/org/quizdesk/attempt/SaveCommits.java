package org.quizdesk.attempt;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.quizdesk.attempt.internal.AnswerStore;
import org.quizdesk.attempt.internal.AnswerStore.AnswerWrite;
import org.quizdesk.attempt.internal.AnswerStore.Place;
import org.quizdesk.system.OverloadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saves share commits (group commit). A durable commit costs about the same for one row as for two hundred (H2 in
 * file mode writes and syncs its file, PostgreSQL flushes its WAL), which capped one commit per save near a thousand
 * saves a second on two cores. So every save of this node goes through a bounded queue to one writer thread, which
 * takes whatever queued while its last commit ran and writes it as one JDBC batch in one transaction.
 * <p>
 * The guarantees: a save is acknowledged only after the commit that holds it has returned. When a shared commit
 * fails, each of its saves is written again in a commit of its own, and a save whose own commit fails is answered
 * with that failure; so no save is acknowledged that is not stored. One writer, first in first out, also keeps the
 * order: two saves of one attempt are written in the order they arrived, and the later wins. A full queue, or a
 * commit that does not come within {@code commit-wait}, is answered 503 with {@code Retry-After} (the page keeps its answers
 * and sends them again); a save that gave up waiting before the writer reached it is never written. A save from a new
 * place (which writes evidence as well) takes a commit of its own, in its turn. With several nodes each batches its
 * own saves.
 */
@Component
class SaveCommits {

    private static final Logger log = LoggerFactory.getLogger(SaveCommits.class);

    /** What a save does when the queue is full. */
    enum Room {
        /** answered 503 at once: an autosave, which the page sends again */
        TURN_AWAY,
        /** waits for room up to the commit wait: a submission's final answers (a submission is never turned away) */
        WAIT
    }

    /** A save waiting for its commit: {@code stored} completes with 1 if stored, 0 if the guard refused it. */
    private record Pending(AnswerWrite write, Place newPlace, CompletableFuture<Integer> stored) {
    }

    /** Within one commit by attempt, stably (one attempt's saves keep their order): two nodes' commits lock rows in
     * the same order, so they cannot deadlock. */
    private static final Comparator<Pending> BY_ATTEMPT = Comparator.comparingLong(pending -> pending.write().attemptId());

    private final BlockingQueue<Pending> queue;
    private final int batch;
    private final Duration wait;
    private final Duration retryAfter;
    private final AnswerStore answerStore;
    private final SavePlaces places;
    private final TransactionTemplate transactions;
    private final AttemptMetrics metrics;
    private final Thread writer = new Thread(this::writeUntilClosed, "save-commits");
    private volatile boolean open = true;

    SaveCommits(SaveCommitProperties properties, OverloadProperties overload, AnswerStore answerStore, SavePlaces places,
            TransactionTemplate transactions, AttemptMetrics metrics) {
        this.queue = new ArrayBlockingQueue<>(properties.queue());
        this.batch = properties.batch();
        this.wait = properties.commitWait();
        // a save turned away here waits as long as one the overload filter turned away
        this.retryAfter = overload.retryAfter();
        this.answerStore = answerStore;
        this.places = places;
        this.transactions = transactions;
        this.metrics = metrics;
        writer.setDaemon(true);
    }

    @PostConstruct
    void start() {
        writer.start();
    }

    /** At shutdown (after the requests in flight have finished) the writer writes what is queued, then stops. */
    @PreDestroy
    void close() throws InterruptedException {
        open = false;
        writer.join(wait.toMillis() * 2);
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        write(left);
    }

    /**
     * Stores the save in a commit shared with the saves queued beside it; 1 if stored, 0 if the guarded update
     * refused it (submitted, or out of time). Returns only after the commit.
     *
     * @throws AttemptRefused BUSY when the queue is full (at once, or after the commit wait with {@link Room#WAIT}) or
     *     the commit does not come in time
     */
    int store(AnswerWrite write, Place newPlace, Room room) {
        Pending pending = new Pending(write, newPlace, new CompletableFuture<>());
        if (!open) {
            // shutting down: the writer may be gone, so the caller writes its own save
            commitAlone(pending);
            return outcome(pending);
        }
        try {
            if (!(room == Room.WAIT ? queue.offer(pending, wait.toMillis(), TimeUnit.MILLISECONDS) : queue.offer(pending))) {
                metrics.saveTurnedAway();
                throw AttemptRefused.busy(retryAfter);
            }
            pending.stored().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveUp(pending);
        } catch (TimeoutException e) {
            giveUp(pending);
        } catch (ExecutionException e) {
            // the outcome below rethrows the failure
        }
        return outcome(pending);
    }

    /** A save that is not yet written never will be; one the writer has already finished keeps its outcome. */
    private void giveUp(Pending pending) {
        if (pending.stored().cancel(false)) {
            metrics.saveTurnedAway();
            throw AttemptRefused.busy(retryAfter);
        }
    }

    private static int outcome(Pending pending) {
        try {
            return pending.stored().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Saves waiting for the writer now. */
    int waiting() {
        return queue.size();
    }

    private void writeUntilClosed() {
        List<Pending> taken = new ArrayList<>(batch);
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, batch - 1);
                write(taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error unexpected) {
                // no waiter is left hanging, and the writer goes on with the next saves
                log.error("Writing {} saves failed", taken.size(), unexpected);
                taken.forEach(pending -> pending.stored().completeExceptionally(unexpected));
            } finally {
                taken.clear();
            }
        }
    }

    /** In arrival order: saves from their usual place share a commit; one from a new place ends it and commits alone. */
    private void write(List<Pending> taken) {
        List<Pending> shared = new ArrayList<>();
        for (Pending pending : taken) {
            if (pending.stored().isDone()) {
                continue; // its request gave up waiting and was answered 503
            }
            if (pending.newPlace() == null) {
                shared.add(pending);
            } else {
                commitTogether(shared);
                shared.clear();
                commitAlone(pending);
            }
        }
        commitTogether(shared);
    }

    private void commitTogether(List<Pending> shared) {
        if (shared.size() <= 1) {
            shared.forEach(this::commitAlone);
            return;
        }
        List<Pending> ordered = shared.stream().sorted(BY_ATTEMPT).toList();
        int[] stored;
        try {
            stored = transactions.execute(status -> {
                int[] counts = answerStore.saveAll(ordered.stream().map(Pending::write).toList());
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
            ordered.get(i).stored().complete(stored[i]);
        }
    }

    private void commitAlone(Pending pending) {
        AnswerWrite write = pending.write();
        try {
            Integer stored = transactions.execute(status -> {
                int count = answerStore.save(write.attemptId(), write.accountId(), write.answers(), write.answered(),
                        pending.newPlace(), write.now(), write.deadlineAfter());
                if (count == 1 && pending.newPlace() != null) {
                    places.moved(write.attemptId(), pending.newPlace(), write.now());
                }
                return count;
            });
            metrics.savesCommitted(1);
            pending.stored().complete(stored);
        } catch (RuntimeException | Error failed) {
            pending.stored().completeExceptionally(failed);
        }
    }
}
