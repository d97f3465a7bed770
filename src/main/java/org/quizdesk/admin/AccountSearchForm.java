package org.quizdesk.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The accounts page's search.
 *
 * @param q text found in a net id or a name; blank lists every account
 * @param page the page of results, from 0
 */
record AccountSearchForm(@Size(max = 100, message = "Search for at most 100 characters.") String q,
        @Min(value = 0, message = "There is no such page.") @Max(value = 100_000, message = "There is no such page.") Integer page) {

    String text() {
        return q == null ? "" : q.strip();
    }

    int pageNumber() {
        return page == null ? 0 : page;
    }
}
