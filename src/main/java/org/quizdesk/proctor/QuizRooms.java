package org.quizdesk.proctor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.quizdesk.proctor.internal.AnnouncementRepository;
import org.quizdesk.proctor.internal.AnnouncementRow;
import org.quizdesk.proctor.internal.QuizPauseRepository;
import org.quizdesk.proctor.internal.QuizPauseRow;
import org.quizdesk.quiz.QuizMarkdown;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A quiz's room: its pause and its announcements. Reads are not cached here; the attempt feature caches the room
 * for a few seconds, since every student's page follows it.
 */
@Service
public class QuizRooms {

    private final AnnouncementRepository announcements;
    private final QuizPauseRepository pauses;
    private final ProctorLog log;
    private final QuizMarkdown markdown;

    QuizRooms(AnnouncementRepository announcements, QuizPauseRepository pauses, ProctorLog log, QuizMarkdown markdown) {
        this.announcements = announcements;
        this.pauses = pauses;
        this.log = log;
        this.markdown = markdown;
    }

    /** The room as the students' pages follow it: three small reads (the stamp, the pause, the announcements shown). */
    @Transactional(readOnly = true)
    public QuizRoom read(String quizId) {
        long stamp = log.latestId(quizId);
        Instant pausedAt = pauses.findById(quizId).map(QuizPauseRow::getPausedAt).orElse(null);
        return new QuizRoom(stamp, pausedAt, announcements.findByQuizIdAndWithdrawnAtIsNullOrderByIdAsc(quizId).stream()
                .map(this::view).toList());
    }

    /** Every announcement of the quiz, withdrawn ones too, newest first (for staff). */
    @Transactional(readOnly = true)
    public List<Announcement> announcements(String quizId) {
        return announcements.findByQuizIdOrderByIdDesc(quizId).stream().map(this::view).toList();
    }

    /** @throws IllegalArgumentException for a blank text or one over {@link Announcement#MAX_LENGTH} characters */
    @Transactional
    public Announcement post(String quizId, String text, long actorId, Instant now) {
        if (text == null || text.isBlank() || text.strip().length() > Announcement.MAX_LENGTH) {
            throw new IllegalArgumentException("An announcement has 1 to " + Announcement.MAX_LENGTH + " characters.");
        }
        return view(announcements.save(new AnnouncementRow(quizId, text.strip(), actorId, now)));
    }

    /** @return the withdrawn announcement; empty if the quiz has no such announcement or it was withdrawn already */
    @Transactional
    public Optional<Announcement> withdraw(String quizId, long announcementId, Instant now) {
        return announcements.findById(announcementId)
                .filter(row -> row.getQuizId().equals(quizId) && row.withdraw(now))
                .map(this::view);
    }

    /** @return false if the quiz is paused already */
    @Transactional
    public boolean pause(String quizId, long actorId, Instant now) {
        if (pauses.existsById(quizId)) {
            return false;
        }
        pauses.saveAndFlush(new QuizPauseRow(quizId, now, actorId));
        return true;
    }

    /** Ends the pause; the instant it began, or empty if the quiz was not paused. */
    @Transactional
    public Optional<Instant> resume(String quizId) {
        Optional<Instant> pausedAt = pauses.findById(quizId).map(QuizPauseRow::getPausedAt);
        return pausedAt.isPresent() && pauses.end(quizId) == 1 ? pausedAt : Optional.empty();
    }

    private Announcement view(AnnouncementRow row) {
        return new Announcement(row.getId(), row.getQuizId(), row.getBody(), markdown.html(row.getBody()), row.getPostedAt(),
                row.getPostedBy(), row.getWithdrawnAt());
    }
}
