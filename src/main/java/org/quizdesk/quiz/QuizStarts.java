package org.quizdesk.quiz;

import org.springframework.security.core.Authentication;

/**
 * Whether a signed-in student has started a quiz: such a student may see its prompt figures even outside the
 * quiz's window (a personal window, or a review after it closed). Implemented where attempts live.
 */
public interface QuizStarts {

    boolean started(String quizId, Authentication signedIn);
}
