package org.quizdesk.attempt;

import org.quizdesk.proctor.QuizRoom;
import org.quizdesk.proctor.QuizRooms;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/**
 * Each quiz's room (live stamp, pause, announcements), cached for {@link AttemptCaches#ROOM_REFRESH}: saves, the
 * expiry job and every student's live poll read it, so none of them queries for it. A proctor action evicts it on
 * its own node at once; the other nodes read the change when their entry expires.
 */
@Component
class LiveRooms {

    private final QuizRooms rooms;

    LiveRooms(QuizRooms rooms) {
        this.rooms = rooms;
    }

    @Cacheable(AttemptCaches.QUIZ_ROOM)
    public QuizRoom of(String quizId) {
        return rooms.read(quizId);
    }

    @CacheEvict(AttemptCaches.QUIZ_ROOM)
    public void changed(String quizId) {
        // the annotation does the work
    }
}
