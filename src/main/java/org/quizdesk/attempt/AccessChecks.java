package org.quizdesk.attempt;

import java.time.Clock;
import java.util.Optional;
import org.quizdesk.quiz.AccessRule;
import org.quizdesk.quiz.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Enforces a quiz's access rules: the address ranges and Safe Exam Browser on the start, every save and the
 * submission; the access code on the start alone (with its tries bounded). Every refusal is recorded for staff.
 */
@Component
class AccessChecks {

    private final QuizAccess access;
    private final AccessCodeTries tries;
    private final AccessRefusals refusals;
    private final Clock clock;

    AccessChecks(QuizAccess access, AccessCodeTries tries, AccessRefusals refusals, Clock clock) {
        this.access = access;
        this.tries = tries;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** Before a start: the rules as they are now (not cached), and the code typed on the honor-code form. */
    void checkStart(String quizId, AccessRules rules, long accountId, String typedCode, AccessRequest request) {
        checkPlace(quizId, rules, accountId, request);
        if (rules.asksForCode()) {
            tries.take(quizId, accountId);
            if (!rules.acceptsCode(typedCode, clock.instant())) {
                refusals.record(quizId, accountId, AccessRule.ACCESS_CODE, request.address());
                throw AttemptRefused.wrongAccessCode();
            }
        }
    }

    /** Before a save or the submission: the rules as cached for a few seconds. */
    void checkWork(String quizId, long accountId, AccessRequest request) {
        checkPlace(quizId, access.of(quizId), accountId, request);
    }

    /** What would refuse a request from this place and browser now, without recording it (the honor-code page says it at once). */
    Optional<AttemptRefused> placeProblem(AccessRules rules, AccessRequest request) {
        if (!rules.allowsAddress(request.address())) {
            return Optional.of(AttemptRefused.outsideNetwork(request.address()));
        }
        if (rules.requiresSafeExamBrowser()
                && !rules.safeExamBrowser().accept(request.url(), request.configKeyHash(), request.requestHash())) {
            return Optional.of(AttemptRefused.notSafeExamBrowser());
        }
        return Optional.empty();
    }

    private void checkPlace(String quizId, AccessRules rules, long accountId, AccessRequest request) {
        if (!rules.allowsAddress(request.address())) {
            refusals.record(quizId, accountId, AccessRule.NETWORK, request.address());
            throw AttemptRefused.outsideNetwork(request.address());
        }
        if (rules.requiresSafeExamBrowser()
                && !rules.safeExamBrowser().accept(request.url(), request.configKeyHash(), request.requestHash())) {
            refusals.record(quizId, accountId, AccessRule.SAFE_EXAM_BROWSER, request.address());
            throw AttemptRefused.notSafeExamBrowser();
        }
    }
}
