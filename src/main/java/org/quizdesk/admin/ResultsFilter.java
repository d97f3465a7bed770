package org.quizdesk.admin;

import org.quizdesk.export.ResultRow;

/**
 * The results table's filters and order as its form sends them; no section or status shows every row, and a value
 * the form does not offer reads as no value.
 */
record ResultsFilter(String section, ResultRow.Status status, ResultsTable.Sort sort, ResultsTable.Direction dir) {

    ResultsFilter {
        section = section == null ? "" : section;
        sort = sort == null ? ResultsTable.Sort.NETID : sort;
        dir = dir == null ? ResultsTable.Direction.ASC : dir;
    }
}
