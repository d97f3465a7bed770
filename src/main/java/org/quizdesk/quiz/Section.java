package org.quizdesk.quiz;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * @param recommended the recommended time for the section, or null
 * @param scoring a sentence telling students how the section is scored (Markdown), or null
 */
public record Section(String title, Duration recommended, String instructions, String scoring, List<Item> items) {

    public Section {
        items = List.copyOf(items);
    }

    public BigDecimal points() {
        return items.stream().map(Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
