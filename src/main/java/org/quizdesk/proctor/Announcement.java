package org.quizdesk.proctor;

import java.time.Instant;

/**
 * An announcement to the students of a quiz.
 *
 * @param html the Markdown rendered as the quiz's texts are (raw HTML escaped, never run)
 * @param withdrawnAt when staff withdrew it; null while it is shown
 */
public record Announcement(long id, String quizId, String markdown, String html, Instant postedAt, long postedBy,
        Instant withdrawnAt) {

    public static final int MAX_LENGTH = 2000;

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
