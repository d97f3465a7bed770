package org.quizdesk.attempt;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;

/** The real transactions, numbered as they begin: the first waits at a gate, and chosen commits fail (rolled back). */
final class ScriptedTransactions implements PlatformTransactionManager {

    final PlatformTransactionManager real;
    final Set<Integer> failingCommits;
    final CountDownLatch firstBegun = new CountDownLatch(1);
    final CountDownLatch gate = new CountDownLatch(1);
    final List<Integer> committed = new CopyOnWriteArrayList<>();
    private final AtomicInteger begun = new AtomicInteger();
    private final Map<TransactionStatus, Integer> numbers = new ConcurrentHashMap<>();

    ScriptedTransactions(PlatformTransactionManager real, Set<Integer> failingCommits) {
        this.real = real;
        this.failingCommits = failingCommits;
    }

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) {
        int number = begun.incrementAndGet();
        if (number == 1) {
            firstBegun.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        TransactionStatus status = real.getTransaction(definition);
        numbers.put(status, number);
        return status;
    }

    @Override
    public void commit(TransactionStatus status) {
        int number = numbers.remove(status);
        if (failingCommits.contains(number)) {
            real.rollback(status);
            throw new TransactionSystemException("commit " + number + " failed (scripted)");
        }
        real.commit(status);
        committed.add(number);
    }

    @Override
    public void rollback(TransactionStatus status) {
        numbers.remove(status);
        real.rollback(status);
    }
}
