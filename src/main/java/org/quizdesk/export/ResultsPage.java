package org.quizdesk.export;

import java.util.List;

/**
 * One page of a quiz's results table.
 *
 * @param page from 0
 * @param matching how many students the page's query selects in all
 * @param rosterSize how many students the roster has
 */
public record ResultsPage(List<ResultRow> rows, int page, int size, long matching, long rosterSize) {

    public ResultsPage {
        rows = List.copyOf(rows);
    }

    public int pages() {
        return (int) Math.max(1, (matching + size - 1) / size);
    }

    /** The position of the page's first row, from 1 (0 when the page is empty). */
    public long firstRow() {
        return rows.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long lastRow() {
        return rows.isEmpty() ? 0 : (long) page * size + rows.size();
    }
}
