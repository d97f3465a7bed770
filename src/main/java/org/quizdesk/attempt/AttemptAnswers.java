package org.quizdesk.attempt;

import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.grading.AnswerSheet;
import org.quizdesk.grading.AnswerSheetJson;
import org.quizdesk.grading.InvalidAnswersException;
import org.quizdesk.quiz.Quiz;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.stereotype.Component;

/** Answers read against the quiz version they belong to: incoming ones checked, stored ones read back. */
@Component
class AttemptAnswers {

    private final QuizCatalog catalog;
    private final StudentVersions versions;
    private final AttemptProperties properties;

    AttemptAnswers(QuizCatalog catalog, StudentVersions versions, AttemptProperties properties) {
        this.catalog = catalog;
        this.versions = versions;
        this.properties = properties;
    }

    /** The stored answers; they were checked against this very version when saved. */
    AnswerSheet of(Attempt attempt) {
        try {
            return AnswerSheetJson.read(catalog.version(attempt.getVersionId()), attempt.getAnswers());
        } catch (InvalidAnswersException e) {
            throw new IllegalStateException("stored answers of attempt " + attempt.getId() + " do not read: " + e.getMessage(), e);
        }
    }

    /** Answers as stored: the canonical JSON, and how many questions have an answer (blank ones are not in the sheet). */
    record Canonical(String json, int answered) {
    }

    /**
     * The answers in their canonical form, for storing; on a quiz with pools only the student's own alternatives
     * may be answered (the version is needed only then, and derived once per student: {@link StudentVersions}).
     *
     * @throws AttemptRefused TOO_LARGE or INVALID_ANSWERS
     */
    Canonical canonical(long versionId, long versionSeed, String answersJson) {
        if (answersJson.length() > properties.maxAnswersBytes()) {
            throw AttemptRefused.tooLarge(properties.maxAnswersBytes());
        }
        try {
            Quiz quiz = catalog.version(versionId);
            AnswerSheet sheet = quiz.pools().isEmpty() ? AnswerSheetJson.read(quiz, answersJson)
                    : AnswerSheetJson.read(versions.of(versionId, versionSeed), answersJson);
            return new Canonical(AnswerSheetJson.write(sheet), sheet.answers().size());
        } catch (InvalidAnswersException e) {
            throw new AttemptRefused(AttemptRefused.Why.INVALID_ANSWERS, e.getMessage());
        }
    }
}
