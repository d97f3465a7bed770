package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.account.internal.AccountRepository;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.internal.AccommodationRepository;
import org.quizdesk.attempt.internal.Attempt;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.quiz.Question;
import org.quizdesk.quiz.QuizCatalog;
import org.quizdesk.quiz.internal.QuizSettingsRepository;
import org.quizdesk.quiz.internal.QuizSettingsRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The CSV exports checked by parsing them, the roster import with its setup codes, and the instructor's settings. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ExportAndRosterTest {

    static final String QUIZ = StaffFixtures.QUIZ;

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AccountRepository accountRows;
    @Autowired UserDetailsService users;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired QuizCatalog catalog;
    @Autowired QuizSettingsRepository settings;
    @Autowired AccommodationRepository accommodations;
    @Autowired PasswordEncoder passwordEncoder;

    StaffFixtures fixtures;
    UserDetails instructor;
    UserDetails ta;

    @BeforeEach
    void setUp() {
        fixtures = new StaffFixtures(accounts, users, attempts, attemptRepository);
        instructor = users.loadUserByUsername("instructor");
        ta = fixtures.staff(Role.TA);
    }

    @Test
    void resultsCsvHasOneRowPerRosteredStudentWithQuotingAndNeutralisedFormulas() throws Exception {
        Account formula = fixtures.student("=HYPERLINK(\"http://evil.example\",\"x\")", "+AB");
        Account quoted = fixtures.student("Lee, \"Al\" Zoë Ñúñez", "AA");
        Account noShow = fixtures.student("Noel Show", "AB");
        Attempt attempt = fixtures.submitted(quoted, "{\"1.1\": false, \"2.1\": [\"A\"], \"3.1.1\": \"=1+2\"}");
        fixtures.submitted(formula, "{}");

        MvcResult result = mvc.perform(get("/admin/quizzes/" + QUIZ + "/results.csv").with(user(ta)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + QUIZ + "-results.csv\""))
                .andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        String csv = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("\r\n");

        List<CSVRecord> records = parse(csv);
        List<String> expectedHeader = new ArrayList<>(List.of("net id", "name", "email", "section", "status", "started",
                "submitted", "minutes late", "total", "max"));
        catalog.current(QUIZ).orElseThrow().quiz().questions().stream().map(Question::id).forEach(expectedHeader::add);
        assertThat(records.get(0).toList()).isEqualTo(expectedHeader);
        assertThat(expectedHeader).hasSize(20);
        Map<String, CSVRecord> byNetId = records.stream().skip(1).collect(Collectors.toMap(r -> r.get(0), r -> r));
        assertThat(records.stream().skip(1).allMatch(r -> r.size() == 20)).isTrue();

        CSVRecord f = byNetId.get(formula.username());
        assertThat(f.get(1)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(f.get(3)).isEqualTo("'+AB");

        CSVRecord q = byNetId.get(quoted.username());
        assertThat(q.get(1)).isEqualTo("Lee, \"Al\" Zoë Ñúñez");
        assertThat(q.get(2)).isEqualTo(quoted.username() + "@uw.edu");
        assertThat(q.get(4)).isEqualTo("needs grading");
        assertThat(q.get(5)).isEqualTo(attempt.getStartedAt().toString());
        assertThat(q.get(6)).isNotEmpty();
        assertThat(q.get(7)).isEqualTo("0");
        assertThat(new BigDecimal(q.get(8))).isEqualByComparingTo(attempt.getTotal());
        assertThat(q.get(9)).isEqualTo("20");
        assertThat(q.get(expectedHeader.indexOf("1.1"))).isEqualTo("1");
        assertThat(q.get(expectedHeader.indexOf("2.1"))).isEqualTo("2");
        assertThat(q.get(expectedHeader.indexOf("3.1.1"))).isEqualTo("0");
        assertThat(q.get(expectedHeader.indexOf("3.1.4"))).isEmpty();

        CSVRecord n = byNetId.get(noShow.username());
        assertThat(n.get(4)).isEqualTo("not started");
        assertThat(List.of(n.get(5), n.get(6), n.get(7), n.get(8))).containsOnly("");
        assertThat(n.get(9)).isEqualTo("20");

        // only students are rostered rows: the TA and the instructor are not in it
        assertThat(byNetId).doesNotContainKeys(ta.getUsername(), "instructor");
    }

    @Test
    void canvasCsvHasCanvasColumnsAndAPointsPossibleRow() throws Exception {
        Account student = fixtures.student("Cam Vas", "AC");
        Attempt attempt = fixtures.submitted(student, "{\"1.1\": false}");
        String csv = mvc.perform(get("/admin/quizzes/" + QUIZ + "/canvas.csv").with(user(ta))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = parse(csv);
        assertThat(records.get(0).toList()).containsExactly("Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                "CSE 493 G1 / 599 G1 Deep Learning \u2014 Quiz 2 (" + QUIZ + ")");
        assertThat(records.get(1).toList()).containsExactly("Points Possible", "", "", "", "", "20");
        CSVRecord row = records.stream().filter(r -> r.get(3).equals(student.username())).findFirst().orElseThrow();
        assertThat(row.get(0)).isEqualTo("Cam Vas");
        assertThat(row.get(4)).isEqualTo("AC");
        assertThat(new BigDecimal(row.get(5))).isEqualByComparingTo(attempt.getTotal());
    }

    @Test
    void anAttemptDownloadsAsThePanelShowsIt() throws Exception {
        Account student = fixtures.student("Ada Attempt", "AA");
        Attempt attempt = fixtures.submitted(student, "{\"1.1\": false, \"3.1.1\": \"=1+2\", \"3.1.4\": \"<img src=x onerror=alert(1)>\"}");
        String csv = mvc.perform(get("/admin/quizzes/" + QUIZ + "/attempts/" + attempt.getId() + ".csv").with(user(ta)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = parse(csv);
        assertThat(records.get(0).toList()).containsExactly("question", "answer", "score", "max", "reasons", "grader's comment", "key");
        Map<String, CSVRecord> byQuestion = records.stream().skip(1).collect(Collectors.toMap(r -> r.get(0), r -> r));
        assertThat(byQuestion.get("1.1").toList()).containsExactly("1.1", "False", "1", "1", "correct", "", "False");
        assertThat(byQuestion.get("3.1.1").get(1)).isEqualTo("'=1+2");
        assertThat(byQuestion.get("3.1.4").get(1)).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(byQuestion.get("3.1.4").get(2)).isEqualTo("pending");
        assertThat(byQuestion.get("total").get(4)).startsWith("provisional");
        mvc.perform(get("/admin/quizzes/other-quiz/attempts/" + attempt.getId() + ".csv").with(user(ta))).andExpect(status().isNotFound());
    }

    @Test
    void aRosterWithABadRowShowsEveryErrorByLineAndImportsNothing() throws Exception {
        String netId = StaffFixtures.unique("r");
        String csv = "net id,name,email,section,role\n" + netId + ",Rae Roster,r@uw.edu,AA,student\n" + netId + "x,,,AA,\n";
        String page = mvc.perform(post("/admin/roster/preview").param("csv", csv).with(user(instructor)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("line 3: the name is missing").doesNotContain("Import these rows");

        mvc.perform(post("/admin/roster/import").param("csv", csv).with(user(instructor)).with(csrf()))
                .andExpect(redirectedUrl("/admin/roster"))
                .andExpect(flash().attribute("error", "The roster has 1 bad row(s); nothing was imported. First: line 3: the name is missing"));
        assertThat(accounts.findByUsername(netId)).isEmpty();
    }

    @Test
    void aGoodRosterCreatesAccountsWithSetupCodesThatSetAPasswordOnce() throws Exception {
        Account existing = fixtures.student("Old Name", "AA");
        String newStudent = StaffFixtures.unique("n");
        String newTa = StaffFixtures.unique("t");
        String csv = "netid,name,email,section,role\n" + newStudent + ",New Student,ns@uw.edu,AB,\n" + newTa + ",New TA,,,ta\n"
                + existing.username() + ",New Name," + existing.email() + ",AA,student\n";
        String page = mvc.perform(post("/admin/roster/preview").param("csv", csv).with(user(instructor)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("2 new, 1 updated, 0 unchanged").contains("Import these rows");

        mvc.perform(post("/admin/roster/import").param("csv", csv).with(user(instructor)).with(csrf()))
                .andExpect(flash().attribute("message", "Roster imported: 2 new account(s), 1 updated, 0 unchanged. "
                        + "Download the setup codes for the new accounts below."));
        assertThat(accounts.findByUsername(newTa).orElseThrow().role()).isEqualTo(Role.TA);
        assertThat(accountRows.findByUsername(newStudent).orElseThrow().getPasswordHash()).isNull();
        assertThat(accounts.findByUsername(existing.username()).orElseThrow().fullName()).isEqualTo("New Name");

        String codes = mvc.perform(get("/admin/roster/setup-codes.csv").with(user(instructor))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = parse(codes);
        assertThat(records.get(0).toList()).containsExactly("net id", "name", "email", "section", "code", "link", "expires");
        CSVRecord mine = records.stream().filter(r -> r.get(0).equals(newStudent)).findFirst().orElseThrow();
        String code = mine.get(4);
        assertThat(code).hasSize(24);
        // the code rides in the link's fragment, which no browser sends to the server
        assertThat(mine.get(5)).endsWith("/setup-password#code=" + code).doesNotContain("?");

        // signed out, with the code posted in the form: too short a password is refused on the page itself (no
        // redirect that would carry the code in a URL), a good one is set, and the code is used up
        mvc.perform(get("/setup-password")).andExpect(status().isOk());
        MvcResult tooShort = mvc.perform(post("/setup-password").param("code", code).param("password", "short").param("repeated", "short")
                .with(csrf())).andExpect(status().isOk()).andReturn();
        assertThat(tooShort.getResponse().getHeader("Location")).isNull();
        assertThat(tooShort.getResponse().getContentAsString()).contains("Choose a password of at least 10 characters.");
        mvc.perform(post("/setup-password").param("code", code).param("password", "a-good-password").param("repeated", "a-good-password")
                .with(csrf())).andExpect(redirectedUrl("/signin"));
        assertThat(passwordEncoder.matches("a-good-password", accountRows.findByUsername(newStudent).orElseThrow().getPasswordHash())).isTrue();
        String usedUp = mvc.perform(post("/setup-password").param("code", code).param("password", "another-password")
                .param("repeated", "another-password").with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(usedUp).contains("This code is not valid: it may have been used already or have expired. Ask course staff for a new one.");
    }

    @Test
    void instructorsChangeSettingsReleasesAndAccommodations() throws Exception {
        QuizSettingsRow before = settings.findById(QUIZ).orElseThrow();
        try {
            mvc.perform(post("/admin/quizzes/" + QUIZ + "/settings").param("opens", "2026-01-10T09:30").param("closes", "2099-01-10T10:30")
                    .param("timeLimitMinutes", "45").param("graceSeconds", "60").param("published", "true")
                    .with(user(instructor)).with(csrf())).andExpect(flash().attribute("message", "Settings saved."));
            QuizSettingsRow saved = settings.findById(QUIZ).orElseThrow();
            assertThat(saved.getOpensAt()).hasToString("2026-01-10T09:30:00Z");
            assertThat(saved.getTimeLimitSeconds()).isEqualTo(45 * 60);
            assertThat(saved.getGraceSeconds()).isEqualTo(60);

            mvc.perform(post("/admin/quizzes/" + QUIZ + "/settings").param("opens", "soon").with(user(instructor)).with(csrf()))
                    .andExpect(flash().attribute("error", "Opens: \u201csoon\u201d is not a date and time."));
            mvc.perform(post("/admin/quizzes/" + QUIZ + "/settings").param("opens", "2026-01-10T09:30").param("closes", "2026-01-10T09:00")
                    .with(user(instructor)).with(csrf())).andExpect(flash().attribute("error", "the window must close after it opens"));

            // confirmed: other tests may leave attempts in progress, which would make the page ask first
            mvc.perform(post("/admin/quizzes/" + QUIZ + "/releases").param("scores", "true").param("solutions", "true")
                    .param("confirmed", "true").with(user(instructor)).with(csrf())).andExpect(status().is3xxRedirection());
            assertThat(settings.findById(QUIZ).orElseThrow().isSolutionsReleased()).isTrue();
            mvc.perform(post("/admin/quizzes/" + QUIZ + "/releases").param("solutions", "true").with(user(instructor)).with(csrf()));
            assertThat(settings.findById(QUIZ).orElseThrow().isScoresReleased()).isFalse();
            assertThat(settings.findById(QUIZ).orElseThrow().isSolutionsReleased()).isFalse();

            Account student = fixtures.student("Acc Ommodated", "AA");
            mvc.perform(post("/admin/quizzes/" + QUIZ + "/accommodations").param("netId", student.username()).param("factor", "1.5")
                    .param("extraMinutes", "10").with(user(instructor)).with(csrf())).andExpect(flash().attributeExists("message"));
            var accommodation = accommodations.findByQuizIdAndAccountId(QUIZ, student.id()).orElseThrow();
            assertThat(accommodation.getTimeFactor()).isEqualByComparingTo("1.5");
            assertThat(accommodation.getExtraMinutes()).isEqualTo(10);
            mvc.perform(post("/admin/quizzes/" + QUIZ + "/accommodations").param("netId", "nobody-here").with(user(instructor)).with(csrf()))
                    .andExpect(flash().attribute("error", "There is no account with net id \u201cnobody-here\u201d."));
            mvc.perform(post("/admin/quizzes/" + QUIZ + "/accommodations").param("netId", student.username()).param("factor", "0.5")
                    .with(user(instructor)).with(csrf()))
                    .andExpect(flash().attribute("error", "The time factor must be between 1 and 10 (1.5 for time and a half)."));
            String page = mvc.perform(get("/admin/quizzes/" + QUIZ + "/settings").with(user(instructor)))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("Acc Ommodated").contains("2026-01-10T09:30");
            mvc.perform(post("/admin/quizzes/" + QUIZ + "/accommodations/" + student.id() + "/delete").with(user(instructor)).with(csrf()));
            assertThat(accommodations.findByQuizIdAndAccountId(QUIZ, student.id())).isEmpty();
        } finally {
            QuizSettingsRow restore = settings.findById(QUIZ).orElseThrow();
            restore.setWindow(before.getOpensAt(), before.getClosesAt());
            restore.setTimeLimitSeconds(before.getTimeLimitSeconds());
            restore.setGraceSeconds(before.getGraceSeconds());
            restore.setScoresReleased(before.isScoresReleased());
            restore.setSolutionsReleased(before.isSolutionsReleased());
            restore.setPublished(before.isPublished());
            settings.save(restore);
        }
    }

    static List<CSVRecord> parse(String csv) throws Exception {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }
}
