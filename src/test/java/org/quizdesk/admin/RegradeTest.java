package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.RegradePlan;
import org.quizdesk.attempt.ScoreBook;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.attempt.internal.QuestionScoreRecord;
import org.quizdesk.attempt.internal.QuestionScoreRepository;
import org.quizdesk.attempt.internal.ScoreChange;
import org.quizdesk.attempt.internal.ScoreChangeRepository;
import org.quizdesk.grading.HandGrade;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A quiz file changes after submissions (2.2's option D becomes "either"; 3.1.2 gains an accepted answer): the dry
 * run shows each attempt's change, applying gives exactly the dry run's totals, and hand grades and overrides survive.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class RegradeTest {

    static final String QUIZ = StaffFixtures.QUIZ;
    static final Path DIR = copySeed();

    @DynamicPropertySource
    static void quizFolder(DynamicPropertyRegistry registry) {
        registry.add("quizdesk.quizzes.dir", DIR::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired QuestionScoreRepository scores;
    @Autowired ScoreChangeRepository changes;
    @Autowired QuizCatalog catalog;
    @Autowired ScoreBook scoreBook;
    @Autowired Regrade regrade;

    @Test
    void previewEqualsAppliedAndGradesAndOverridesSurvive() throws Exception {
        StaffFixtures fixtures = new StaffFixtures(accounts, users, attempts, attemptRepository);
        long instructorId = accounts.findByUsername("instructor").orElseThrow().id();
        Account ann = fixtures.student("Ann", "AA");
        Account ben = fixtures.student("Ben", "AA");
        Account cal = fixtures.student("Cal", "AB");
        Attempt a = fixtures.submitted(ann, "{\"1.1\": true, \"2.2\": [\"A\", \"C\", \"D\"], \"3.1.4\": \"stride 4\"}");
        Attempt b = fixtures.submitted(ben, "{\"2.2\": [\"A\", \"C\", \"D\"], \"3.1.2\": \"28\"}");
        Attempt c = fixtures.submitted(cal, "{\"1.1\": false}");
        long oldVersion = a.getVersionId();
        scoreBook.grade(a.getId(), "3.1.4", new HandGrade(Set.of("stride-4"), null, null), instructorId);
        scoreBook.override(a.getId(), "1.1", BigDecimal.ONE, "the wording was ambiguous", instructorId);
        assertThat(score(a, "2.2")).isEqualByComparingTo("2");
        assertThat(score(b, "3.1.2")).isEqualByComparingTo("0");

        Path file = DIR.resolve(QUIZ + ".yaml");
        String source = Files.readString(file);
        String changed = source
                .replace("when using SGD without momentum.\n            correct: false", "when using SGD without momentum.\n            correct: either")
                .replaceFirst("accept:\n              - shape: \\[4, 7\\]\n", "accept:\n              - shape: [4, 7]\n              - text: \"28\"\n");
        assertThat(changed).isNotEqualTo(source);
        Files.writeString(file, changed);
        assertThat(catalog.sync().problems()).isEmpty();
        long newVersion = catalog.current(QUIZ).orElseThrow().versionId();
        assertThat(newVersion).isNotEqualTo(oldVersion);

        Regrade.Plan plan = regrade.plan(QUIZ);
        assertThat(plan.versions()).hasSize(1);
        assertThat(plan.versions().get(0).changes()).containsExactly("2.2: option D is now either (was false)",
                "3.1.2: now accepts text \u201c28\u201d");
        Map<Long, RegradePlan.AttemptChange> byAttempt = plan.attempts().stream()
                .collect(Collectors.toMap(RegradePlan.AttemptChange::attemptId, Function.identity()));
        assertThat(byAttempt).containsOnlyKeys(a.getId(), b.getId(), c.getId());
        assertThat(byAttempt.get(a.getId()).changes()).extracting(RegradePlan.QuestionChange::questionId).containsExactly("2.2");
        assertThat(byAttempt.get(a.getId()).newTotal()).isEqualByComparingTo(fixtures.reload(a).getTotal().add(new BigDecimal("2")));
        assertThat(byAttempt.get(b.getId()).changes()).extracting(RegradePlan.QuestionChange::questionId).containsExactly("2.2", "3.1.2");
        assertThat(byAttempt.get(b.getId()).newTotal()).isEqualByComparingTo(b.getTotal().add(new BigDecimal("4")));
        assertThat(byAttempt.get(c.getId()).changes()).isEmpty();
        assertThat(plan.changedTotals()).isEqualTo(2);
        // the dry run writes nothing
        assertThat(fixtures.reload(a).getVersionId()).isEqualTo(oldVersion);
        assertThat(score(b, "3.1.2")).isEqualByComparingTo("0");

        String page = mvc.perform(get("/admin/quizzes/" + QUIZ + "/regrade").with(user(users.loadUserByUsername("instructor"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("2.2: option D is now either (was false)").contains("Apply the regrade");

        regrade.apply(QUIZ, instructorId);

        for (RegradePlan.AttemptChange change : plan.attempts()) {
            Attempt after = attemptRepository.findById(change.attemptId()).orElseThrow();
            assertThat(after.getTotal()).as("attempt %s", change.attemptId()).isEqualByComparingTo(change.newTotal());
            assertThat(after.getPendingCount()).isEqualTo(change.newPending());
            assertThat(after.getVersionId()).isEqualTo(newVersion);
        }
        QuestionScoreRecord override = record(a, "1.1");
        assertThat(override.getScore()).isEqualByComparingTo("1");
        assertThat(override.getOverrideComment()).isEqualTo("the wording was ambiguous");
        assertThat(record(a, "3.1.4").getScore()).isEqualByComparingTo("1");
        assertThat(record(a, "2.2").getScore()).isEqualByComparingTo("4");
        assertThat(record(a, "2.2").getAutoScore()).isEqualByComparingTo("4");
        assertThat(record(b, "3.1.2").getScore()).isEqualByComparingTo("2");

        List<ScoreChange> annHistory = changes.findByAttemptIdOrderByIdAsc(a.getId());
        assertThat(annHistory).extracting(ScoreChange::getQuestionId).containsExactly("3.1.4", "1.1", "2.2");
        ScoreChange regraded = annHistory.get(2);
        assertThat(regraded.getOldScore()).isEqualByComparingTo("2");
        assertThat(regraded.getNewScore()).isEqualByComparingTo("4");
        assertThat(regraded.getChangedBy()).isEqualTo(instructorId);
        assertThat(regraded.getReason()).startsWith("regrade to quiz version " + newVersion + ": ");
        assertThat(changes.findByAttemptIdOrderByIdAsc(c.getId())).isEmpty();

        assertThat(regrade.plan(QUIZ).empty()).isTrue();
        // a later rubric change still reaches the regraded hand grade
        scoreBook.changeRubricPoints(QUIZ, "3.1.4", "stride-4", new BigDecimal("1.5"), instructorId);
        assertThat(record(a, "3.1.4").getScore()).isEqualByComparingTo("1.5");

        // a broken file is reported on the landing page, with its line
        Files.writeString(DIR.resolve("broken.yaml"), "id: broken\ntitle: [\n");
        assertThat(catalog.sync().problems()).hasSize(1);
        String home = mvc.perform(get("/admin").with(user(users.loadUserByUsername("instructor"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("Quiz files that did not load").contains("broken.yaml");
    }

    private BigDecimal score(Attempt attempt, String questionId) {
        return record(attempt, questionId).getScore();
    }

    private QuestionScoreRecord record(Attempt attempt, String questionId) {
        return scores.findById(new QuestionScoreRecord.Key(attempt.getId(), questionId)).orElseThrow();
    }

    /** Puts the folder back as it was, for the next context that reads it (the PostgreSQL twin's). */
    @AfterEach
    void restoreQuizFolder() throws IOException {
        Files.copy(Path.of("quizzes", QUIZ + ".yaml"), DIR.resolve(QUIZ + ".yaml"), StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(DIR.resolve("broken.yaml"));
    }

    private static Path copySeed() {
        try {
            Path dir = Files.createTempDirectory("quizdesk-regrade");
            Files.copy(Path.of("quizzes", QUIZ + ".yaml"), dir.resolve(QUIZ + ".yaml"));
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
