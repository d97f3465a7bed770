package org.quizdesk.proctor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.quizdesk.proctor.internal.ProctorActionRepository;
import org.quizdesk.proctor.internal.ProctorActionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of the proctor's actions: each is written in the transaction of the action itself (so an action
 * that fails leaves no entry) and logged at INFO. Read by the control room, the staff attempt page and the
 * evidence timeline.
 */
@Service
public class ProctorLog {

    private static final Logger log = LoggerFactory.getLogger(ProctorLog.class);
    public static final int PAGE_SIZE = 20;

    private final ProctorActionRepository actions;
    private final Clock clock;

    ProctorLog(ProctorActionRepository actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    /** Records an action; its id becomes the quiz's live stamp. */
    @Transactional
    public ProctorAction record(String quizId, Long attemptId, long actorId, ProctorAction.Kind kind, String detail,
            String reason) {
        ProctorAction action = actions.save(new ProctorActionRow(quizId, attemptId, actorId, kind, detail, reason,
                clock.instant())).view();
        log.info("Proctor action {} on quiz {}{} by account {}: {} (reason: {})", kind, quizId,
                attemptId == null ? "" : " attempt " + attemptId, actorId, detail, reason == null ? "none given" : reason);
        return action;
    }

    /** A quiz's actions, latest first, {@link #PAGE_SIZE} a page. */
    @Transactional(readOnly = true)
    public Slice<ProctorAction> page(String quizId, int page) {
        return actions.findByQuizIdOrderByIdDesc(quizId, PageRequest.of(Math.max(0, page), PAGE_SIZE)).map(ProctorActionRow::view);
    }

    /** What was done to one attempt: its own entries and the class-wide ones since it started, oldest first. */
    @Transactional(readOnly = true)
    public List<ProctorAction> affecting(long attemptId, String quizId, Instant startedAt) {
        return actions.affecting(attemptId, quizId, startedAt).stream().map(ProctorActionRow::view).toList();
    }

    /** The quiz's live stamp: the id of its latest action, 0 before the first. */
    @Transactional(readOnly = true)
    public long latestId(String quizId) {
        return actions.latestId(quizId);
    }
}
