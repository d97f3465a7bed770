package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.util.List;

/**
 * Alternative questions (or groups) of which each student gets {@code pick}, drawn from their version's seed
 * ({@link StudentVersion}). Every alternative is worth the same points (the reader checks it), so every student's
 * quiz is worth the same. A pool has no prompt or figures of its own: its alternatives carry them.
 *
 * @param alternatives questions and groups, never a pool
 */
public record Pool(String id, int pick, List<Item> alternatives) implements Item {

    public Pool {
        alternatives = List.copyOf(alternatives);
    }

    @Override
    public String prompt() {
        return null;
    }

    @Override
    public List<Figure> figures() {
        return List.of();
    }

    /** What the pool adds to the quiz's total: pick × the points of one alternative. */
    @Override
    public BigDecimal points() {
        return alternatives.isEmpty() ? BigDecimal.ZERO : alternatives.get(0).points().multiply(BigDecimal.valueOf(pick));
    }
}
