package org.quizdesk.attempt;

/**
 * Which button of the quiz form (without JavaScript) was pressed: "Save answers" stays on the page, "Review and
 * submit" goes on to the confirmation. The answers themselves are read by {@link FormAnswers}.
 */
record SaveForm(Next next) {

    enum Next {
        STAY, SUBMIT
    }

    SaveForm {
        next = next == null ? Next.STAY : next;
    }
}
