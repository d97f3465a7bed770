package org.quizdesk.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/** The quiz's settings API: a change is taken whole or refused whole, and the quiz keeps its own release rule. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class QuizSettingsServiceTest {

    static final String QUIZ = "cse493g1-au24-quiz2";
    static final Instant NINE = Instant.parse("2026-01-10T09:00:00Z");
    static final Instant TEN = Instant.parse("2026-01-10T10:00:00Z");

    @Autowired QuizSettingsService settings;
    @Autowired QuizCatalog catalog;
    @Autowired QuizSettingsRepository rows;

    /** A detached copy of the seed quiz's row as the other tests of this context left it, saved back afterwards. */
    QuizSettingsRow before;

    @BeforeEach
    void remember() {
        before = rows.findById(QUIZ).orElseThrow();
    }

    @AfterEach
    void restore() {
        rows.save(before);
    }

    @Test
    void aChangeSetsEveryFieldOfTheFormAndTheCatalogReadsItNext() {
        QuizSettings changed = settings.change(QUIZ, new SettingsChange(true, NINE, TEN, 45 * 60, 60));

        QuizSettings read = catalog.current(QUIZ).orElseThrow().settings();
        for (QuizSettings s : new QuizSettings[] {changed, read}) {
            assertThat(s.isPublished()).isTrue();
            assertThat(s.getOpensAt()).isEqualTo(NINE);
            assertThat(s.getClosesAt()).isEqualTo(TEN);
            assertThat(s.getTimeLimitSeconds()).isEqualTo(45 * 60);
            assertThat(s.getGraceSeconds()).isEqualTo(60);
        }
    }

    @Test
    void aWindowThatClosesBeforeItOpensIsRefusedAndNothingOfTheChangeIsKept() {
        settings.change(QUIZ, new SettingsChange(true, null, null, null, null));

        assertThatThrownBy(() -> settings.change(QUIZ, new SettingsChange(false, TEN, NINE, 10 * 60, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the window must close after it opens");

        QuizSettings kept = settings.settings(QUIZ);
        assertThat(kept.isPublished()).isTrue();
        assertThat(kept.getOpensAt()).isNull();
        assertThat(kept.getTimeLimitSeconds()).isNull();
    }

    @Test
    void solutionsAreReleasedOnlyWithScores() {
        QuizSettings solutionsAlone = settings.release(QUIZ, false, true);
        assertThat(solutionsAlone.isScoresReleased()).isFalse();
        assertThat(solutionsAlone.isSolutionsReleased()).isFalse();

        QuizSettings both = settings.release(QUIZ, true, true);
        assertThat(both.isScoresReleased()).isTrue();
        assertThat(both.isSolutionsReleased()).isTrue();
        assertThat(settings.settings(QUIZ).isSolutionsReleased()).isTrue();
    }

    @Test
    void aQuizThatDoesNotExistIsNamedInTheRefusal() {
        // the type is left open: the one not-found exception of the web conventions may take this over
        assertThatThrownBy(() -> settings.release("no-such-quiz", true, false))
                .isInstanceOf(RuntimeException.class).hasMessage("There is no quiz \"no-such-quiz\".");
    }
}
