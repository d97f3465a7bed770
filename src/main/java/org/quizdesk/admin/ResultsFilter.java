package org.quizdesk.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.quizdesk.attempt.ResultStatus;
import org.quizdesk.attempt.ResultsQuery;

/**
 * The results table's filters, search, order and page as its form and links send them; no section or status shows
 * every row, and a value the form does not offer reads as no value.
 *
 * @param q a piece of a net id or name
 * @param page from 1, as people count pages
 */
record ResultsFilter(String section, ResultStatus status,
        @Size(max = 100, message = "Search for at most 100 characters.") String q, ResultsQuery.Order sort, Direction dir,
        @Min(value = 1, message = "Pages start at 1.") @Max(value = 100_000, message = "There are not that many pages.") Integer page) {

    enum Direction {
        ASC, DESC;

        String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    ResultsFilter {
        section = section == null ? "" : section;
        q = q == null ? "" : q.strip();
        sort = sort == null ? ResultsQuery.Order.NETID : sort;
        dir = dir == null ? Direction.ASC : dir;
        page = page == null ? 1 : page;
    }

    /** The query this filter asks for; a search or page the form refused reads as none (the first page). */
    ResultsQuery query(boolean searchRefused) {
        return new ResultsQuery(section, status, searchRefused ? "" : q, sort, dir == Direction.DESC);
    }
}
