package org.quizdesk.admin;

/**
 * What to release to students: scores, and solutions (which need scores); {@code confirmed} once the instructor has
 * seen who is still answering.
 */
record ReleaseForm(Boolean scores, Boolean solutions, Boolean confirmed) {

    // an unticked box is not sent at all
    ReleaseForm {
        scores = scores != null && scores;
        solutions = solutions != null && solutions;
        confirmed = confirmed != null && confirmed;
    }
}
