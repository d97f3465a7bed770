package org.quizdesk.proctor;

import java.time.Instant;
import java.util.List;

/**
 * What the students' pages of a quiz must follow: its pause and its announcements, and a stamp that changes with
 * every proctor action (the latest action's id), so a page that has seen the stamp has seen everything.
 *
 * @param pausedAt when the proctor paused the quiz; null while it runs
 * @param announcements those not withdrawn, oldest first
 */
public record QuizRoom(long stamp, Instant pausedAt, List<Announcement> announcements) {

    public QuizRoom {
        announcements = List.copyOf(announcements);
    }

    public boolean paused() {
        return pausedAt != null;
    }

    /** The quiz's own time: it stands still at the pause while the quiz is paused. */
    public Instant timeAt(Instant now) {
        return pausedAt != null && pausedAt.isBefore(now) ? pausedAt : now;
    }

    /** The id of the newest announcement shown, 0 when there is none. */
    public long latestAnnouncementId() {
        return announcements.isEmpty() ? 0 : announcements.get(announcements.size() - 1).id();
    }
}
