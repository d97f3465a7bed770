package org.quizdesk.load;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.quizdesk.grading.AnswerSheetJson;
import org.quizdesk.grading.Grader;
import org.quizdesk.grading.InvalidAnswersException;
import org.quizdesk.grading.QuestionScore;
import org.quizdesk.grading.QuizScore;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.StudentVersion;

/**
 * After the run, with the app stopped: every save and submission the server acknowledged is in the database,
 * every student who left was submitted by the server, and every stored score is what {@link Grader} gives for the
 * stored answers (the grading package called directly, as the app calls it).
 */
final class StoredClassCheck {

    /** Problems kept word for word (the rest are counted). */
    private static final int PROBLEMS_KEPT = 20;

    private final Quiz quiz;
    private final RunLedger ledger;
    private final List<String> problems = new ArrayList<>();
    private int lostWrites;
    private int scoreMismatches;
    private int serverSubmitted;
    private int graded;

    StoredClassCheck(Quiz quiz, RunLedger ledger) {
        this.quiz = quiz;
        this.ledger = ledger;
    }

    Result check(ClassDatabase database) throws SQLException {
        Map<Long, StoredAttempt> attempts = new HashMap<>();
        Map<Long, Map<String, BigDecimal>> scores = new HashMap<>();
        try (Connection connection = database.connection()) {
            try (PreparedStatement query = connection.prepareStatement(
                    "select id, answers, submitted_by, total, version_seed from attempt where quiz_id = ?")) {
                query.setString(1, LoadSettings.QUIZ_ID);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        attempts.put(rows.getLong(1), new StoredAttempt(rows.getString(2), rows.getString(3), rows.getBigDecimal(4),
                                rows.getLong(5)));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("select attempt_id, question_id, auto_score from question_score");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    scores.computeIfAbsent(rows.getLong(1), id -> new HashMap<>()).put(rows.getString(2), rows.getBigDecimal(3));
                }
            }
        }
        ledger.attemptByStudent.forEach((student, attemptId) -> {
            StoredAttempt stored = attempts.get(attemptId);
            if (stored == null) {
                lost(student, "attempt " + attemptId + " is not in the database");
                return;
            }
            checkWrites(student, stored);
            if (stored.submittedBy() != null) {
                checkScores(student, attemptId, stored, scores.getOrDefault(attemptId, Map.of()));
            }
        });
        return new Result(ledger.attemptByStudent.size(), lostWrites, scoreMismatches, serverSubmitted, graded, List.copyOf(problems));
    }

    private void checkWrites(int student, StoredAttempt stored) {
        long storedSequence = AnswerSheets.sequenceIn(stored.answers());
        Long submitted = ledger.acknowledgedSubmission.get(student);
        Long saved = ledger.acknowledgedSave.get(student);
        if (submitted != null) {
            if (!"STUDENT".equals(stored.submittedBy()) || storedSequence != submitted) {
                lost(student, "submission " + submitted + " acknowledged, stored: save " + storedSequence + ", submitted by " + stored.submittedBy());
            }
            return;
        }
        // a save may be stored though its answer never arrived (a timeout): the acknowledged one or a later one
        if (saved != null && storedSequence < saved) {
            lost(student, "save " + saved + " acknowledged, stored: save " + storedSequence);
        }
        if (ledger.leftBeforeTheEnd.containsKey(student)) {
            if ("DEADLINE".equals(stored.submittedBy())) {
                serverSubmitted++;
            } else {
                lost(student, "left before the end, but the server did not submit the attempt (submitted by " + stored.submittedBy() + ")");
            }
        }
    }

    private void checkScores(int student, long attemptId, StoredAttempt stored, Map<String, BigDecimal> storedScores) {
        QuizScore expected;
        try {
            // the student's version (order, parameters) from the attempt's seed, as the app grades it
            expected = Grader.grade(StudentVersion.of(quiz, stored.versionSeed()), AnswerSheetJson.read(quiz, stored.answers()));
        } catch (InvalidAnswersException e) {
            mismatch(student, "stored answers of attempt " + attemptId + " do not read: " + e.getMessage());
            return;
        }
        graded++;
        if (stored.total() == null || expected.total().compareTo(stored.total()) != 0) {
            mismatch(student, "attempt " + attemptId + " total " + stored.total() + ", grading gives " + expected.total());
            return;
        }
        for (QuestionScore question : expected.questions()) {
            BigDecimal storedScore = storedScores.get(question.questionId());
            boolean same = question.score() == null ? storedScore == null
                    : storedScore != null && question.score().compareTo(storedScore) == 0;
            if (!same || !storedScores.containsKey(question.questionId())) {
                mismatch(student, "attempt " + attemptId + " question " + question.questionId() + " scored " + storedScore
                        + ", grading gives " + question.score());
                return;
            }
        }
    }

    private void lost(int student, String what) {
        lostWrites++;
        note(student, what);
    }

    private void mismatch(int student, String what) {
        scoreMismatches++;
        note(student, what);
    }

    private void note(int student, String what) {
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(ClassDatabase.username(student) + ": " + what);
        }
    }

    private record StoredAttempt(String answers, String submittedBy, BigDecimal total, long versionSeed) {
        StoredAttempt {
            Objects.requireNonNull(answers);
        }
    }

    /**
     * @param attempts        attempts the class started (and the checks looked at)
     * @param lostWrites      acknowledged saves or submissions not in the database, and students who left but
     *                        were not submitted by the server
     * @param scoreMismatches stored scores that differ from the grading of the stored answers
     * @param serverSubmitted attempts of students who left, submitted by the server
     * @param graded          submitted attempts whose scores were checked
     */
    record Result(int attempts, int lostWrites, int scoreMismatches, int serverSubmitted, int graded, List<String> problems) {
    }
}
