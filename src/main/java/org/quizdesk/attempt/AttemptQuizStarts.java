package org.quizdesk.attempt;

import org.quizdesk.account.SignedInUser;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.quiz.QuizStarts;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Tells the figure server which quizzes a student has an attempt on. */
@Component
class AttemptQuizStarts implements QuizStarts {

    private final AttemptRepository attempts;

    AttemptQuizStarts(AttemptRepository attempts) {
        this.attempts = attempts;
    }

    @Override
    public boolean started(String quizId, Authentication signedIn) {
        return signedIn != null && signedIn.getPrincipal() instanceof SignedInUser user
                && attempts.findByQuizIdAndAccountId(quizId, user.accountId()).isPresent();
    }
}
