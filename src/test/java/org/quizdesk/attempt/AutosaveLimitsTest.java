package org.quizdesk.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.internal.AnswerStore;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The server answers at once instead of queueing: autosaves beyond the node's bound get 503 and those beyond an
 * attempt's rate get 429, both with Retry-After; a submission always goes through; nothing refused is stored. Staff
 * requests have a bound of their own.
 */
@SpringBootTest(properties = {"quizdesk.overload.autosaves=2", "quizdesk.overload.staff-pages=1",
        "quizdesk.overload.retry-after=3s"})
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class AutosaveLimitsTest {

    static final String QUIZ = "cse493g1-au24-quiz2";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired QuizSettingsRepository settings;
    @Autowired UserDetailsService users;
    @Autowired MutableClock clock;
    @MockitoSpyBean AnswerStore answerStore;
    @MockitoSpyBean ControlRoom controlRoom;

    /**
     * Saves of these attempts stop on their way to the database (their first save's read of the last place, on the
     * request thread) until {@link #release} opens: in flight, holding the overload filter's autosave bound. (Not
     * inside the write itself: the node's one save writer would then hold every other save, a submission's too.)
     */
    final Set<Long> held = ConcurrentHashMap.newKeySet();
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch inFlight = new CountDownLatch(2);
    final ExecutorService pool = Executors.newCachedThreadPool();
    /** The control room's board stops on its way to the database while this is set, until {@link #release} opens. */
    volatile boolean holdBoards;
    final CountDownLatch boardInFlight = new CountDownLatch(1);

    @BeforeEach
    void openQuizAndSlowWrites() throws Exception {
        clock.set(MutableClockConfiguration.START);
        QuizSettingsRow quiz = settings.findById(QUIZ).orElseThrow();
        quiz.setPublished(true);
        quiz.setWindow(null, null);
        quiz.setTimeLimitSeconds(null);
        settings.save(quiz);
        doAnswer(call -> {
            if (held.contains((Long) call.getArgument(0))) {
                inFlight.countDown();
                release.await(20, TimeUnit.SECONDS);
            }
            return call.callRealMethod();
        }).when(answerStore).lastPlace(anyLong());
        doAnswer(call -> {
            if (holdBoards) {
                boardInFlight.countDown();
                release.await(20, TimeUnit.SECONDS);
            }
            return call.callRealMethod();
        }).when(controlRoom).counts(anyString());
    }

    @AfterEach
    void letGo() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void autosavesBeyondTheBoundAreTurnedAwayAtOnceWhileASubmissionAndPagesGoThrough() throws Exception {
        Student first = student();
        Student second = student();
        held.addAll(List.of(first.attemptId, second.attemptId));
        Future<MockHttpServletResponse> firstSave = pool.submit(() -> first.autosave("{\"3.1.4\": \"held 1\"}"));
        Future<MockHttpServletResponse> secondSave = pool.submit(() -> second.autosave("{\"3.1.4\": \"held 2\"}"));
        assertThat(inFlight.await(20, TimeUnit.SECONDS)).isTrue();

        Student third = student();
        long started = System.nanoTime();
        MockHttpServletResponse busy = third.autosave("{\"3.1.4\": \"turned away\"}");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("3");
        assertThat(busy.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(busy.getContentAsString()).contains("\"error\": \"busy\"").contains("\"message\"");
        assertThat(answers(third.attemptId)).isEqualTo("{}");

        Student fourth = student();
        MockHttpServletResponse submitted = fourth.submit("{\"1.1\": true}");
        assertThat(submitted.getStatus()).as(submitted.getContentAsString()).isEqualTo(200);
        assertThat(attemptRepository.findById(fourth.attemptId).orElseThrow().getSubmittedBy()).isEqualTo(SubmittedBy.STUDENT);
        assertThat(mvc.perform(get("/quizzes").with(user(third.user))).andReturn().getResponse().getStatus()).isEqualTo(200);

        release.countDown();
        assertThat(firstSave.get(20, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(secondSave.get(20, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(answers(first.attemptId)).contains("held 1");
        assertThat(third.autosave("{\"3.1.4\": \"room again\"}").getStatus()).isEqualTo(200);
    }

    @Test
    void staffRequestsBeyondTheirBoundAreTurnedAwayWhileStudentsPagesAndAutosavesGoThrough() throws Exception {
        String name = "staff" + System.nanoTime();
        accounts.create(name, "Bound Staff", null, null, Role.INSTRUCTOR, "pw");
        UserDetails staff = users.loadUserByUsername(name);
        Student student = student();
        holdBoards = true;
        Future<MockHttpServletResponse> board = pool.submit(() -> mvc.perform(get("/admin/quizzes/{quiz}/live/board", QUIZ)
                .with(user(staff))).andReturn().getResponse());
        assertThat(boardInFlight.await(20, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse busy = mvc.perform(get("/admin").with(user(staff))).andReturn().getResponse();
        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("3");
        // the busy page's style sheet by the address that names its content (the one browsers keep), served meanwhile
        Matcher styleSheet = Pattern.compile("href=\"(/css/quizdesk-[0-9a-f]{32}\\.css)\"").matcher(busy.getContentAsString());
        assertThat(styleSheet.find()).as(busy.getContentAsString()).isTrue();
        assertThat(mvc.perform(get(styleSheet.group(1))).andReturn().getResponse().getStatus()).isEqualTo(200);
        // the students' places are their own: a page and an autosave go through while staff are at their bound
        assertThat(mvc.perform(get("/quizzes").with(user(student.user))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(student.autosave("{\"3.1.4\": \"while staff wait\"}").getStatus()).isEqualTo(200);

        holdBoards = false;
        release.countDown();
        assertThat(board.get(20, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/admin").with(user(staff))).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void autosavesFasterThanTwoASecondGet429WithRetryAfterAndNothingStored() throws Exception {
        Student student = student();

        assertThat(student.autosave("{\"3.1.4\": \"one\"}").getStatus()).isEqualTo(200);
        assertThat(student.autosave("{\"3.1.4\": \"two\"}").getStatus()).isEqualTo(200);
        MockHttpServletResponse tooFast = student.autosave("{\"3.1.4\": \"three\"}");

        assertThat(tooFast.getStatus()).isEqualTo(429);
        assertThat(tooFast.getHeader("Retry-After")).isEqualTo("1");
        assertThat(tooFast.getContentAsString()).contains("\"error\":\"too_fast\"").contains("\"message\"");
        assertThat(answers(student.attemptId)).contains("two").doesNotContain("three");

        clock.advance(Duration.ofMillis(500));
        assertThat(student.autosave("{\"3.1.4\": \"four\"}").getStatus()).isEqualTo(200);
        assertThat(answers(student.attemptId)).contains("four");
        // a submission is never rate-limited: it ends the quiz
        assertThat(student.submit("{\"3.1.4\": \"final\"}").getStatus()).isEqualTo(200);
        assertThat(answers(student.attemptId)).contains("final");
    }

    @Test
    void anotherStudentCannotUseUpAnAttemptsAllowance() throws Exception {
        Student owner = student();
        Student other = student();
        for (int i = 0; i < 5; i++) {
            assertThat(other.autosaveTo(owner.attemptId, "{\"3.1.4\": \"not mine\"}").getStatus()).isEqualTo(404);
        }

        assertThat(owner.autosave("{\"3.1.4\": \"mine\"}").getStatus()).isEqualTo(200);
        assertThat(owner.autosave("{\"3.1.4\": \"mine again\"}").getStatus()).isEqualTo(200);
        assertThat(answers(owner.attemptId)).contains("mine again");
    }

    @Test
    void refusedBodiesDoNotUseUpTheAllowance() throws Exception {
        Student student = student();
        for (int i = 0; i < 5; i++) {
            assertThat(student.autosave("{\"7.7\": true}").getStatus()).isEqualTo(400);
        }

        assertThat(student.autosave("{\"3.1.4\": \"one\"}").getStatus()).isEqualTo(200);
        assertThat(student.autosave("{\"3.1.4\": \"two\"}").getStatus()).isEqualTo(200);
    }

    private String answers(long attemptId) {
        return attemptRepository.findById(attemptId).orElseThrow().getAnswers();
    }

    private Student student() {
        String name = "l" + System.nanoTime();
        long accountId = accounts.create(name, "Limit Student", null, "AA", Role.STUDENT, "pw").id();
        return new Student(users.loadUserByUsername(name), attempts.start(QUIZ, accountId, "Limit Student").getId());
    }

    private final class Student {
        final UserDetails user;
        final long attemptId;

        Student(UserDetails user, long attemptId) {
            this.user = user;
            this.attemptId = attemptId;
        }

        MockHttpServletResponse autosave(String json) throws Exception {
            return autosaveTo(attemptId, json);
        }

        MockHttpServletResponse autosaveTo(long id, String json) throws Exception {
            return mvc.perform(put("/api/attempts/{id}/answers", id).with(user(user)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
        }

        MockHttpServletResponse submit(String json) throws Exception {
            return mvc.perform(post("/api/attempts/{id}/submit", attemptId).with(user(user)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
        }
    }
}
