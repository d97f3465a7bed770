package org.quizdesk.attempt;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.proctor.QuizRoom;
import org.springframework.stereotype.Component;

/**
 * What a student's quiz page follows while the quiz runs: its deadline, the pause, the announcements. The page keeps
 * the room's stamp it has seen; telling it "nothing new" costs no query (the attempt's facts and the quiz's room are
 * cached), and only after a proctor action does it read the attempt again.
 */
@Component
class AttemptLive {

    private final AttemptFacts.Lookup facts;
    private final LiveRooms rooms;
    private final AttemptRepository attempts;
    private final Clock clock;

    AttemptLive(AttemptFacts.Lookup facts, LiveRooms rooms, AttemptRepository attempts, Clock clock) {
        this.facts = facts;
        this.rooms = rooms;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** The room's stamp for the student's attempt. @throws AttemptRefused NOT_FOUND for an attempt not theirs */
    long stamp(long attemptId, long accountId) {
        return room(attemptId, accountId).stamp();
    }

    /** The whole state, for a page whose stamp is older: the attempt is read for its deadline. */
    Map<String, Object> state(long attemptId, long accountId) {
        QuizRoom room = room(attemptId, accountId);
        Attempt attempt = attempts.findById(attemptId).orElseThrow(AttemptRefused::notFound);
        Map<String, Object> state = brief(room);
        state.put("deadline", attempt.getDeadline().toEpochMilli());
        state.put("serverNow", clock.millis());
        state.put("pausedAt", room.paused() ? room.pausedAt().toEpochMilli() : null);
        state.put("submitted", attempt.isSubmitted());
        state.put("announcements", room.announcements().stream()
                .map(a -> Map.of("id", a.id(), "html", a.html(), "postedAt", a.postedAt().toEpochMilli()))
                .toList());
        return state;
    }

    /**
     * What an autosave's answer carries: the stamp, the pause and the latest announcement's id, from the cache; and
     * the whole state when the page's stamp ({@code seen}) is not the current one.
     */
    Map<String, Object> forSave(long attemptId, long accountId, Long seen) {
        QuizRoom room = room(attemptId, accountId);
        return seen != null && seen == room.stamp() ? brief(room) : state(attemptId, accountId);
    }

    private QuizRoom room(long attemptId, long accountId) {
        AttemptFacts attempt = facts.of(attemptId);
        if (attempt.accountId() != accountId) {
            throw AttemptRefused.notFound();
        }
        return rooms.of(attempt.quizId());
    }

    private static Map<String, Object> brief(QuizRoom room) {
        Map<String, Object> brief = new LinkedHashMap<>();
        brief.put("stamp", room.stamp());
        brief.put("paused", room.paused());
        brief.put("latestAnnouncement", room.latestAnnouncementId());
        return brief;
    }

}
