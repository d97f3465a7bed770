package org.quizdesk.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.quizdesk.export.ResultRow;

/** Filtering and sorting of the results table; pure, so every sort key and filter is unit-testable. */
final class ResultsTable {

    /** The columns the table sorts by, written in the page's address by {@link #param()}. */
    enum Sort {
        NETID(by(ResultRow::netId)),
        NAME(by(r -> r.fullName().toLowerCase(Locale.ROOT))),
        SECTION(by(ResultRow::section)),
        STATUS(by(r -> r.status().ordinal())),
        STARTED(by(ResultRow::startedAt)),
        SUBMITTED(by(ResultRow::submittedAt)),
        TIME(by(ResultRow::minutesUsed)),
        TOTAL(by(ResultRow::total));

        private final Comparator<ResultRow> order;

        Sort(Comparator<ResultRow> order) {
            this.order = order;
        }

        String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        static List<String> params() {
            return Stream.of(values()).map(Sort::param).toList();
        }
    }

    enum Direction {
        ASC, DESC;

        String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private ResultsTable() {
    }

    static List<ResultRow> filterAndSort(List<ResultRow> rows, ResultsFilter filter) {
        Comparator<ResultRow> order = filter.dir() == Direction.DESC ? filter.sort().order.reversed() : filter.sort().order;
        String section = filter.section();
        return rows.stream()
                .filter(r -> section.isBlank() || section.equals(r.section()))
                .filter(r -> filter.status() == null || r.status() == filter.status())
                .sorted(order.thenComparing(ResultRow::netId))
                .toList();
    }

    static List<String> sections(List<ResultRow> rows) {
        return List.copyOf(new TreeSet<>(rows.stream().map(ResultRow::section).filter(Objects::nonNull).toList()));
    }

    /** Rows without a value (no-shows) sort before the others when ascending. */
    private static <T extends Comparable<? super T>> Comparator<ResultRow> by(Function<ResultRow, T> key) {
        return Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

}
