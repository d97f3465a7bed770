package org.quizdesk.attempt;

/** Where a rostered student stands on a quiz, as the results table and its CSV say it. */
public enum ResultStatus {
    NOT_STARTED("not started"), IN_PROGRESS("in progress"), NEEDS_GRADING("needs grading"), SUBMITTED("submitted");

    private final String label;

    ResultStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
