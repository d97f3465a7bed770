package org.quizdesk.attempt;

import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.StudentVersion;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/**
 * Students' versions of quiz versions, derived once per (quiz version, seed) and kept in a bounded cache: on a quiz
 * with pools every save checks the answers against the student's own alternatives, and every page view of a quiz with
 * pools or parameters is built from the version. Both a quiz version and a seed never change, so neither does the
 * version derived from them.
 */
@Component
class StudentVersions {

    private final QuizCatalog catalog;

    StudentVersions(QuizCatalog catalog) {
        this.catalog = catalog;
    }

    @Cacheable(AttemptCaches.STUDENT_VERSIONS)
    public StudentVersion of(long versionId, long versionSeed) {
        return StudentVersion.of(catalog.version(versionId), versionSeed);
    }
}
