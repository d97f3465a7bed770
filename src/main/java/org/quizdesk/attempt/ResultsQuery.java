package org.quizdesk.attempt;

import java.util.List;
import java.util.Locale;

/**
 * Which rostered students a page of a quiz's results shows, and in which order: a section (blank: all), a status
 * (null: all), a piece of a net id or name (blank: everyone), a column and its direction. Every order ends with the
 * net id, so pages are stable.
 */
public record ResultsQuery(String section, ResultStatus status, String search, Order order, boolean descending) {

    /** The columns the results table sorts by. */
    public enum Order {
        NETID, NAME, SECTION, STATUS, STARTED, SUBMITTED, TIME, TOTAL
    }

    /** One page's students, by account id in the page's order, and how many students the query selects in all. */
    public record Matches(List<Long> accountIds, long matching) {
    }

    public ResultsQuery {
        section = section == null ? "" : section.strip();
        search = search == null ? "" : search.strip();
        order = order == null ? Order.NETID : order;
    }

    /** Every student by net id. */
    public static ResultsQuery everyone() {
        return new ResultsQuery("", null, "", Order.NETID, false);
    }

    boolean filtered() {
        return !section.isEmpty() || status != null || !search.isEmpty();
    }

    /** A lower-case LIKE pattern with {@code !} as escape, or null for no search. */
    String searchPattern() {
        if (search.isEmpty()) {
            return null;
        }
        return "%" + search.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
