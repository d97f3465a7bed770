package org.quizdesk.attempt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.quizdesk.attempt.internal.AccessRefusalRepository;
import org.quizdesk.attempt.internal.AccessRefusalRow;
import org.quizdesk.quiz.AccessRule;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests refused by a quiz's access rules, for staff (and later the control room). Bounded: one row per student,
 * rule and minute, however often a page retries; this node remembers which it wrote, so a refused autosave every few
 * seconds costs no database write, and the unique key settles a race between nodes.
 */
@Service
public class AccessRefusals {

    /** One refusal: whose, when, which rule, from which address. */
    public record Refusal(long accountId, AccessRule rule, Instant at, String address) {
    }

    /** A page of refusals, newest first. */
    public record RefusalPage(List<Refusal> refusals, int page, boolean hasNext) {
    }

    private final AccessRefusalRepository rows;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Cache<String, Boolean> written = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(2)).maximumSize(100_000).build();

    AccessRefusals(AccessRefusalRepository rows, PlatformTransactionManager transactions, Clock clock) {
        this.rows = rows;
        this.ownTransaction = new TransactionTemplate(transactions);
        // its own transaction: a lost race on the unique key must not roll back anything of the caller's
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void record(String quizId, long accountId, AccessRule rule, String address) {
        Instant now = clock.instant();
        String key = quizId + '\n' + accountId + '\n' + rule + '\n' + now.truncatedTo(ChronoUnit.MINUTES);
        if (written.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> rows.saveAndFlush(new AccessRefusalRow(quizId, accountId, rule, now, address)));
        } catch (DataIntegrityViolationException recordedByAnotherNode) {
            // that minute's row exists: the bound holds
        }
    }

    /** One student's refusals on one quiz, oldest first. */
    @Transactional(readOnly = true)
    public List<Refusal> of(String quizId, long accountId) {
        return rows.findByQuizIdAndAccountIdOrderByRefusedAtAsc(quizId, accountId).stream()
                .map(r -> new Refusal(r.getAccountId(), r.getRule(), r.getRefusedAt(), r.getAddress())).toList();
    }

    @Transactional(readOnly = true)
    public RefusalPage page(String quizId, int page, int size) {
        Slice<AccessRefusalRow> slice = rows.findByQuizIdOrderByRefusedAtDescIdDesc(quizId, PageRequest.of(Math.max(0, page), size));
        return new RefusalPage(slice.getContent().stream()
                .map(r -> new Refusal(r.getAccountId(), r.getRule(), r.getRefusedAt(), r.getAddress())).toList(),
                slice.getNumber(), slice.hasNext());
    }
}
