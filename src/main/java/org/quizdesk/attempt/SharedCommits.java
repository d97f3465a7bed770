package org.quizdesk.attempt;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that share commits (group commit): a bounded queue to writer threads, each of which takes whatever queued
 * while its last commit ran and writes it in one transaction. A durable commit costs about the same for one row as for two
 * hundred (H2 in file mode writes and syncs its file, PostgreSQL flushes its WAL), and a request waiting here holds
 * no connection, so requests that share commits leave the pool to the others. A writer may also gather: wait until
 * its first write has waited the gather time (or the batch is full) before it commits, so that a fast commit does not
 * leave each of many writes a commit of its own (as PostgreSQL's {@code commit_delay}).
 * <p>
 * The guarantees, which each kind of write keeps in its {@link #write}: a write is answered only after the commit
 * that holds it has returned; when a shared commit fails, each of its writes is done again in a commit of its own,
 * and one whose own commit fails is answered with that failure. One writer, first in first out, keeps the order of
 * a node's writes; a kind of write whose order does not matter may have several, so that the writing gets more than
 * one thread's share of a busy machine's processors. A full queue, or a commit that does not come within the commit wait, is answered 503 with
 * {@code Retry-After} (the page keeps its work and sends it again); a write that gave up waiting before the writer
 * reached it is never done.
 *
 * @param <W> what is written
 * @param <R> what its writer answers
 */
abstract class SharedCommits<W, R> {

    private static final Logger log = LoggerFactory.getLogger(SharedCommits.class);

    /** What a write does when the queue is full. */
    enum Room {
        /** answered 503 at once: an autosave, which the page sends again */
        TURN_AWAY,
        /** waits for room up to the commit wait: a submission (a submission is never turned away at once) */
        WAIT
    }

    /** A write waiting for its commit since {@code queuedAt} ({@link System#nanoTime}); {@code outcome} completes after it. */
    record Pending<W, R>(W write, CompletableFuture<R> outcome, long queuedAt) {

        boolean gaveUp() {
            return outcome.isDone();
        }
    }

    private final BlockingQueue<Pending<W, R>> queue;
    private final int batch;
    private final long gatherNanos;
    private final Duration wait;
    private final Duration retryAfter;
    private final Runnable turnedAway;
    private final String writerName;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean open = true;

    /**
     * @param writers how many writer threads: 1 keeps the writes in their order
     * @param gather how long a commit's first write may wait for others to join it (zero: none)
     * @param retryAfter what a write turned away is told to wait
     * @param turnedAway counts a write turned away
     */
    SharedCommits(String writerName, int writers, int queue, int batch, Duration gather, Duration wait, Duration retryAfter,
            Runnable turnedAway) {
        this.queue = new ArrayBlockingQueue<>(queue);
        this.batch = batch;
        this.gatherNanos = gather.toNanos();
        this.wait = wait;
        this.retryAfter = retryAfter;
        this.turnedAway = turnedAway;
        this.writerName = writerName;
        for (int i = 1; i <= writers; i++) {
            Thread writer = new Thread(this::writeUntilClosed, writers == 1 ? writerName : writerName + "-" + i);
            writer.setDaemon(true);
            this.writers.add(writer);
        }
    }

    @PostConstruct
    void start() {
        writers.forEach(Thread::start);
    }

    /** At shutdown (after the requests in flight have finished) the writer writes what is queued, then stops. */
    @PreDestroy
    void close() throws InterruptedException {
        open = false;
        for (Thread writer : writers) {
            writer.join(wait.toMillis() * 2);
        }
        List<Pending<W, R>> left = new ArrayList<>();
        queue.drainTo(left);
        write(left);
    }

    /**
     * Does the write in a commit shared with the writes queued beside it, and answers what its writer answered.
     * Returns only after the commit.
     *
     * @throws AttemptRefused BUSY when the queue is full (at once, or after the commit wait with {@link Room#WAIT}) or
     *     the commit does not come in time
     */
    R commit(W write, Room room) {
        return await(enqueue(write, room));
    }

    /** Queues the write, for a caller that queues several before it waits ({@link #await}). */
    Pending<W, R> enqueue(W write, Room room) {
        Pending<W, R> pending = new Pending<>(write, new CompletableFuture<>(), System.nanoTime());
        if (!open) {
            // shutting down: the writer may be gone, so the caller does its own write
            write(List.of(pending));
            return pending;
        }
        try {
            if (!(room == Room.WAIT ? queue.offer(pending, wait.toMillis(), TimeUnit.MILLISECONDS) : queue.offer(pending))) {
                turnedAway.run();
                throw AttemptRefused.busy(retryAfter);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turnedAway.run();
            throw AttemptRefused.busy(retryAfter);
        }
        return pending;
    }

    /** Waits for a queued write's commit (up to the commit wait) and answers what its writer answered. */
    R await(Pending<W, R> pending) {
        try {
            pending.outcome().get(wait.toMillis(), TimeUnit.MILLISECONDS);
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

    /** A write that is not yet done never will be; one the writer has already finished keeps its outcome. */
    private void giveUp(Pending<W, R> pending) {
        if (pending.outcome().cancel(false)) {
            turnedAway.run();
            throw AttemptRefused.busy(retryAfter);
        }
    }

    private static <R> R outcome(Pending<?, R> pending) {
        try {
            return pending.outcome().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Writes waiting for the writer now. */
    int waiting() {
        return queue.size();
    }

    /**
     * Writes what the writer took, in commits shared where it can, and completes each write's outcome (skipping those
     * whose request gave up waiting). Called by the writers, and at shutdown by the closing or the calling thread.
     */
    abstract void write(List<Pending<W, R>> taken);

    /** Takes what comes until the batch is full or the time is up (at once when the first write waited long enough). */
    private void gather(List<Pending<W, R>> taken, long until) throws InterruptedException {
        long left;
        while (taken.size() < batch && (left = until - System.nanoTime()) > 0) {
            Pending<W, R> next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            taken.add(next);
            queue.drainTo(taken, batch - taken.size());
        }
    }

    private void writeUntilClosed() {
        List<Pending<W, R>> taken = new ArrayList<>(batch);
        while (open || !queue.isEmpty()) {
            try {
                Pending<W, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, batch - 1);
                gather(taken, first.queuedAt() + gatherNanos);
                write(taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error unexpected) {
                // no waiter is left hanging, and the writer goes on with the next writes
                log.error("{} failed writing {}", writerName, taken.size(), unexpected);
                taken.forEach(pending -> pending.outcome().completeExceptionally(unexpected));
            } finally {
                taken.clear();
            }
        }
    }
}
