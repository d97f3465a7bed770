package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.quiz.StudentVersion;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

// the same context as AttemptServiceTest
@SpringBootTest
@ActiveProfiles("test")
@Import(MutableClockConfiguration.class)
class StudentVersionsTest {

    static final String POOL_QUIZ = "shuffle-example";

    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired AccountService accounts;
    @Autowired QuizSettingsRepository settings;
    @Autowired StudentVersions versions;
    @Autowired CacheManager caches;
    @Autowired MutableClock clock;

    @BeforeEach
    void openQuiz() {
        clock.set(MutableClockConfiguration.START);
        QuizSettingsRow quiz = settings.findById(POOL_QUIZ).orElseThrow();
        quiz.setPublished(true);
        quiz.setWindow(null, null);
        settings.save(quiz);
    }

    @Test
    void aSaveOnAPoolQuizDerivesTheStudentsVersionOnceAndStillRefusesAnAlternativeNotDrawn() {
        var student = accounts.create("v" + System.nanoTime(), "Version Student", null, "AA", Role.STUDENT, "pw");
        Attempt attempt = attempts.start(POOL_QUIZ, student.id(), "Version Student");
        SimpleKey key = new SimpleKey(attempt.getVersionId(), attempt.getVersionSeed());
        assertThat(caches.getCache(AttemptCaches.STUDENT_VERSIONS).get(key)).as("not derived before the first save").isNull();

        StudentVersion version = versions.of(attempt.getVersionId(), attempt.getVersionSeed());
        boolean drewA = version.quiz().question("2.4a").isPresent();
        String drawn = drewA ? "2.4a" : "2.4b";
        String notDrawn = drewA ? "2.4b" : "2.4a";
        attempts.save(attempt.getId(), student.id(), "{\"" + drawn + "\": \"10\"}");
        assertThatThrownBy(() -> attempts.save(attempt.getId(), student.id(), "{\"" + notDrawn + "\": \"10\"}"))
                .isInstanceOfSatisfying(AttemptRefused.class, refused -> assertThat(refused.why()).isEqualTo(AttemptRefused.Why.INVALID_ANSWERS));

        assertThat(versions.of(attempt.getVersionId(), attempt.getVersionSeed())).as("the cached one, not derived again").isSameAs(version);
        assertThat(caches.getCache(AttemptCaches.STUDENT_VERSIONS).get(key).get()).isSameAs(version);
        assertThat(attemptRepository.findById(attempt.getId()).orElseThrow().getAnswers()).isEqualTo("{\"" + drawn + "\":\"10\"}");
    }
}
