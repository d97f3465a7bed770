package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** "Sync now" on the admin home: instructors read the quiz folder again without a restart (the watcher is off here). */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class SyncNowTest {

    static final Path DIR = copyOfQuizzes();

    @DynamicPropertySource
    static void quizzes(DynamicPropertyRegistry registry) {
        registry.add("quizdesk.quizzes.dir", DIR::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired MessageSource messages;
    @Autowired QuizCatalog catalog;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;

    @Test
    void anInstructorSyncsANewFileAndSeesABrokenOneOnTheAdminHome() throws Exception {
        UserDetails instructor = users.loadUserByUsername("instructor");
        Files.writeString(DIR.resolve("synced-now.yaml"), """
                id: synced-now
                title: "Synced now"
                course: "Quizdesk tests"
                time_limit: 5m
                sections:
                  - title: Only
                    questions:
                      - id: "1.1"
                        type: true_false
                        points: 1
                        prompt: Sync now reads the folder.
                        answer: true
                """);
        Files.writeString(DIR.resolve("broken-now.yaml"), "id: broken-now\ntitle: Broken\ntime_limit: soon\nsections: []\n");
        assertThat(catalog.current("synced-now")).as("nothing watches the folder in this test").isEmpty();

        MvcResult synced = mvc.perform(post("/admin/quizzes/sync").with(user(instructor)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin")).andReturn();
        assertThat(catalog.current("synced-now")).isPresent();

        // a broken file in the folder makes the answer an error, which says what was read
        MessageSourceResolvable said = (MessageSourceResolvable) synced.getFlashMap().get("error");
        assertThat(messages.getMessage(said, Locale.ENGLISH))
                .isEqualTo("Quiz folder read: 2 quiz file(s) loaded, 1 with a new version (synced-now), 1 file(s) that did not load.");
        String home = mvc.perform(get("/admin").with(user(instructor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("Quiz files that did not load").contains("broken-now.yaml:3: ").contains("Synced now");

        Files.delete(DIR.resolve("broken-now.yaml"));
        mvc.perform(post("/admin/quizzes/sync").with(user(instructor)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/admin").with(user(instructor))).andReturn().getResponse().getContentAsString())
                .doesNotContain("Quiz files that did not load");
    }

    @Test
    void onlyInstructorsSync() throws Exception {
        StaffFixtures fixtures = new StaffFixtures(accounts, users, attempts, attemptRepository);
        mvc.perform(post("/admin/quizzes/sync").with(user(fixtures.staff(Role.TA))).with(csrf())).andExpect(status().isForbidden());
        UserDetails student = fixtures.signIn(fixtures.student("Stu Dent", "AA"));
        mvc.perform(post("/admin/quizzes/sync").with(user(student)).with(csrf())).andExpect(status().isForbidden());
        // CSRF stays on
        mvc.perform(post("/admin/quizzes/sync").with(user(users.loadUserByUsername("instructor")))).andExpect(status().isForbidden());
    }

    private static Path copyOfQuizzes() {
        try {
            Path dir = Files.createTempDirectory("quizdesk-sync-now");
            Files.copy(Path.of("quizzes", StaffFixtures.QUIZ + ".yaml"), dir.resolve(StaffFixtures.QUIZ + ".yaml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
