package org.quizdesk.quiz;

/** Scoring rules for choose-all-that-apply, named as in PrairieLearn and Canvas (see QUIZ_FORMAT). */
public enum MultiSelectScoring {
    PER_ERROR("per_error"),
    ALL_OR_NOTHING("all_or_nothing"),
    NET_CORRECT("net_correct"),
    COVERAGE("coverage"),
    EACH_ANSWER("each_answer");

    private final String fileName;

    MultiSelectScoring(String fileName) {
        this.fileName = fileName;
    }

    /** The name used in quiz files. */
    public String fileName() {
        return fileName;
    }
}
