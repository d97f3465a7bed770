package org.quizdesk.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.quizdesk.attempt.ControlRoom;
import org.quizdesk.attempt.LiveStatus;

/**
 * The control room's filter, order and page as its form and links send them; no status shows everyone, and a value
 * the form does not offer reads as no value.
 *
 * @param q a piece of a net id or name
 * @param page from 1, as people count pages
 */
record LiveFilter(LiveStatus status, @Size(max = 100, message = "Search for at most 100 characters.") String q,
        ControlRoom.Sort sort, @Min(value = 1, message = "Pages start at 1.") @Max(value = 100_000, message = "There are not that many pages.") Integer page) {

    LiveFilter {
        q = q == null ? "" : q.strip();
        sort = sort == null ? ControlRoom.Sort.NAME : sort;
        page = page == null ? 1 : page;
    }

    /** The filter's query string for the board's poll and the pager's links, on another page. */
    LiveFilter onPage(int other) {
        return new LiveFilter(status, q, sort, other);
    }
}
