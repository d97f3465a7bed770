package org.quizdesk.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.attempt.AttemptResults;
import org.quizdesk.attempt.AttemptSummary;
import org.quizdesk.attempt.ProctorActions;
import org.quizdesk.proctor.Announcement;
import org.quizdesk.proctor.ProctorAction;
import org.quizdesk.proctor.ProctorLog;
import org.quizdesk.proctor.QuizRoom;
import org.quizdesk.proctor.QuizRooms;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Component;

/**
 * What the proctor's fragments show: the quiz's panel (the control room and the actions page put it in their model as
 * {@code panel}, with the log page bound from the request), and an attempt's, read by its fragment itself
 * ({@code @proctorPanel} in the staff attempt page).
 */
@Component("proctorPanel")
public class ProctorPanel {

    private final ProctorActions actions;
    private final ProctorLog log;
    private final QuizRooms rooms;
    private final AttemptResults attempts;
    private final AccountService accounts;

    ProctorPanel(ProctorActions actions, ProctorLog log, QuizRooms rooms, AttemptResults attempts, AccountService accounts) {
        this.actions = actions;
        this.log = log;
        this.rooms = rooms;
        this.attempts = attempts;
        this.accounts = accounts;
    }

    /**
     * A quiz's room for staff.
     *
     * @param back the page the fragment is on, where each action returns
     * @param logPage the page of the audit log shown ({@code ?log=N} on the page), latest first
     */
    public record QuizPanel(QuizRoom room, int inProgress, List<Announcement> announcements, Slice<ProctorAction> log,
            int logPage, Map<Long, String> names, String back) {
    }

    /** The actions that touched one attempt, oldest first. */
    public record AttemptPanel(AttemptSummary attempt, List<ProctorAction> log, Map<Long, String> names) {
    }

    /**
     * @param logPage the page of the audit log, as bound from {@code ?log=N} ({@link ProctorForms.LogPageForm})
     * @param back the address of the page the panel is on
     */
    public QuizPanel quiz(String quizId, int logPage, String back) {
        Slice<ProctorAction> page = log.page(quizId, logPage);
        return new QuizPanel(rooms.read(quizId), actions.inProgress(quizId), rooms.announcements(quizId), page, logPage,
                names(page.getContent().stream().map(ProctorAction::actorId).collect(Collectors.toSet())), back);
    }

    public AttemptPanel attempt(long attemptId) {
        AttemptSummary attempt = attempts.find(attemptId).orElseThrow();
        List<ProctorAction> affecting = log.affecting(attemptId, attempt.quizId(), attempt.startedAt());
        return new AttemptPanel(attempt, affecting,
                names(affecting.stream().map(ProctorAction::actorId).collect(Collectors.toSet())));
    }

    private Map<Long, String> names(Set<Long> accountIds) {
        return accounts.findAll(accountIds).values().stream()
                .collect(Collectors.toMap(Account::id, a -> a.fullName() + " (" + a.username() + ")"));
    }
}
