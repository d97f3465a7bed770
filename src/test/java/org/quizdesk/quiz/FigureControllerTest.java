package org.quizdesk.quiz;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.quizdesk.attempt.internal.Accommodation;
import org.quizdesk.attempt.internal.AccommodationRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A figure dropped next to a quiz appears; a solution's figure stays hidden from students until solutions are released. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class FigureControllerTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    static final Path DIR = quizFolder();

    @DynamicPropertySource
    static void quizzes(DynamicPropertyRegistry registry) {
        registry.add("quizdesk.quizzes.dir", DIR::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired QuizSettingsRepository settings;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired AccommodationRepository accommodations;
    @Autowired AttemptService attempts;

    @Test
    void promptFiguresAreServedToStudentsAndSolutionFiguresOnlyAfterRelease() throws Exception {
        mvc.perform(get("/figures/figs/figures/prompt.png").with(user("s").roles("STUDENT")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(PNG));
        mvc.perform(get("/figures/figs/figures/sketch.png").with(user("s").roles("STUDENT"))).andExpect(status().isNotFound());
        mvc.perform(get("/figures/figs/figures/sketch.png").with(user("t").roles("TA"))).andExpect(status().isOk());

        QuizSettingsRow quiz = settings.findById("figs").orElseThrow();
        quiz.setSolutionsReleased(true);
        settings.save(quiz);
        mvc.perform(get("/figures/figs/figures/sketch.png").with(user("s").roles("STUDENT"))).andExpect(status().isOk());
    }

    @Test
    void promptFiguresStayHiddenFromStudentsUntilTheWindowOpens() throws Exception {
        QuizSettingsRow quiz = settings.findById("figs").orElseThrow();
        quiz.setWindow(Instant.now().plus(Duration.ofDays(7)), null);
        settings.save(quiz);
        try {
            mvc.perform(get("/figures/figs/figures/prompt.png").with(user("s").roles("STUDENT"))).andExpect(status().isNotFound());
            mvc.perform(get("/figures/figs/figures/prompt.png").with(user("t").roles("TA"))).andExpect(status().isOk());
        } finally {
            quiz.setWindow(null, null);
            settings.save(quiz);
        }
        mvc.perform(get("/figures/figs/figures/prompt.png").with(user("s").roles("STUDENT"))).andExpect(status().isOk());
    }

    @Test
    void aStudentWhoStartedInAnEarlierPersonalWindowSeesThePromptFiguresBeforeTheQuizOpensForOthers() throws Exception {
        QuizSettingsRow quiz = settings.findById("figs").orElseThrow();
        Instant now = Instant.now();
        quiz.setWindow(now.plus(Duration.ofDays(7)), null);
        settings.save(quiz);
        try {
            String early = "early" + System.nanoTime();
            long earlyId = accounts.create(early, "Early Bird", null, "AA", Role.STUDENT, "pw").id();
            String other = "other" + System.nanoTime();
            accounts.create(other, "Other Student", null, "AA", Role.STUDENT, "pw");
            Accommodation window = new Accommodation("figs", earlyId);
            window.setWindow(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
            accommodations.save(window);
            attempts.start("figs", earlyId, "Early Bird");

            mvc.perform(get("/figures/figs/figures/prompt.png").with(user(users.loadUserByUsername(early))))
                    .andExpect(status().isOk());
            mvc.perform(get("/figures/figs/figures/prompt.png").with(user(users.loadUserByUsername(other))))
                    .andExpect(status().isNotFound());
        } finally {
            quiz.setWindow(null, null);
            settings.save(quiz);
        }
    }

    @Test
    void nothingOutsideTheQuizzesFolderOrOtherThanImagesIsServed() throws Exception {
        mvc.perform(get("/figures/figs.yaml").with(user("t").roles("INSTRUCTOR"))).andExpect(status().isNotFound());
        mvc.perform(get("/figures/../pom.xml").with(user("t").roles("INSTRUCTOR"))).andExpect(status().is4xxClientError());
        mvc.perform(get("/figures/figs/figures/absent.png").with(user("t").roles("INSTRUCTOR"))).andExpect(status().isNotFound());
        mvc.perform(get("/figures/figs/figures/prompt.png")).andExpect(status().is3xxRedirection());
    }

    private static Path quizFolder() {
        try {
            Path dir = Files.createTempDirectory("quizdesk-figures");
            Files.createDirectories(dir.resolve("figs/figures"));
            Files.write(dir.resolve("figs/figures/prompt.png"), PNG);
            Files.write(dir.resolve("figs/figures/sketch.png"), PNG);
            Files.writeString(dir.resolve("figs.yaml"), """
                    id: figs
                    title: Figures
                    time_limit: 10m
                    sections:
                      - title: One
                        questions:
                          - id: "1"
                            type: true_false
                            points: 1
                            prompt: Look at the figure.
                            figures: [{file: figs/figures/prompt.png, description: A prompt figure}]
                            answer: true
                            solution: Because.
                            solution_figures: [{file: figs/figures/sketch.png, description: The solution sketch}]
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
