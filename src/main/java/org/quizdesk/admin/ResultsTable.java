package org.quizdesk.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.quizdesk.export.ResultRow;

/** Filtering and sorting of the results table; pure, so every sort key and filter is unit-testable. */
final class ResultsTable {

    static final List<String> SORTS = List.of("netid", "name", "section", "status", "started", "submitted", "time", "total");

    private ResultsTable() {
    }

    static List<ResultRow> filterAndSort(List<ResultRow> rows, String section, String status, String sort, boolean descending) {
        Comparator<ResultRow> order = comparator(sort);
        if (descending) {
            order = order.reversed();
        }
        return rows.stream()
                .filter(r -> section == null || section.isBlank() || section.equals(r.section()))
                .filter(r -> status == null || status.isBlank() || r.status().name().equalsIgnoreCase(status))
                .sorted(order.thenComparing(ResultRow::netId))
                .toList();
    }

    static List<String> sections(List<ResultRow> rows) {
        return List.copyOf(new TreeSet<>(rows.stream().map(ResultRow::section).filter(Objects::nonNull).toList()));
    }

    private static Comparator<ResultRow> comparator(String sort) {
        switch (sort == null ? "" : sort.toLowerCase(Locale.ROOT)) {
            case "name": return by(r -> r.fullName().toLowerCase(Locale.ROOT));
            case "section": return by(ResultRow::section);
            case "status": return by(r -> r.status().ordinal());
            case "started": return by(ResultRow::startedAt);
            case "submitted": return by(ResultRow::submittedAt);
            case "time": return by(ResultRow::minutesUsed);
            case "total": return by(ResultRow::total);
            default: return by(ResultRow::netId);
        }
    }

    /** Rows without a value (no-shows) sort before the others when ascending. */
    private static <T extends Comparable<? super T>> Comparator<ResultRow> by(Function<ResultRow, T> key) {
        return Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

}
