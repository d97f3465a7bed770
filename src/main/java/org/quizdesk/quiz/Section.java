package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * @param recommended the recommended time for the section, or null
 * @param scoring a sentence telling students how the section is scored (Markdown), or null
 * @param shuffle each student gets the section's items (questions and groups, a group's parts staying together)
 *     in an order of their own; see {@link StudentVersion}
 */
public record Section(String title, Duration recommended, String instructions, String scoring, List<Item> items,
        boolean shuffle) {

    public Section {
        items = List.copyOf(items);
    }

    public Section(String title, Duration recommended, String instructions, String scoring, List<Item> items) {
        this(title, recommended, instructions, scoring, items, false);
    }

    public BigDecimal points() {
        return items.stream().map(Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
