package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.Account;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.ScoreBook;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The results table a page of 50 at a time, filtered, searched and sorted in the database across the whole class.
 * Each test works in a section of its own, as the context's roster is shared with the other panel tests.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ResultsPagingTest {

    static final String QUIZ = StaffFixtures.QUIZ;
    private static final Pattern NET_ID = Pattern.compile("<tr class=\"result-row\">\\s*<td>\\s*(?:<a [^>]*>|<span>)([^<]+)<");

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired AttemptService attempts;
    @Autowired AttemptRepository attemptRepository;
    @Autowired ScoreBook scoreBook;

    StaffFixtures fixtures;
    UserDetails ta;

    @BeforeEach
    void setUp() {
        fixtures = new StaffFixtures(accounts, users, attempts, attemptRepository);
        ta = fixtures.staff(Role.TA);
    }

    @Test
    void aLargeClassIsShownFiftyAtATimeWithLinksToThePreviousAndNextPage() throws Exception {
        String section = StaffFixtures.unique("P");
        List<Account> students = students(section, 120);

        String first = page(results().param("section", section));
        assertThat(netIds(first)).hasSize(50).isSorted().first().isEqualTo(students.stream().map(Account::username).sorted().findFirst().orElseThrow());
        assertThat(first).contains("Students 1–50 of 120", "Page 1 of 3").contains("rel=\"next\"").doesNotContain("rel=\"prev\"")
                .contains("section=" + section + "&amp;status=&amp;q=&amp;sort=netid&amp;dir=asc&amp;page=2");

        String last = page(results().param("section", section).param("page", "3"));
        assertThat(netIds(last)).hasSize(20).doesNotContainAnyElementsOf(netIds(first));
        assertThat(last).contains("Students 101–120 of 120", "Page 3 of 3", "rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void sortingByTotalRunsAcrossTheWholeClassNotJustOnePage() throws Exception {
        String section = StaffFixtures.unique("T");
        List<Account> students = students(section, 60);
        // the best and the worst have net ids in the middle of the class, so only a sort over everyone puts them first
        Account best = students.get(30);
        Account worst = students.get(31);
        fixtures.submitted(best, "{\"1.1\": false, \"1.2\": false, \"1.3\": false, \"2.1\": [\"A\", \"C\"]}");
        fixtures.submitted(worst, "{\"1.1\": true, \"1.2\": true, \"1.3\": true}");

        List<String> descending = netIds(page(results().param("section", section).param("sort", "total").param("dir", "desc")));
        assertThat(descending).hasSize(50).startsWith(best.username(), worst.username());
        // ascending, the no-shows (no total) come first, as before the table was paged; the two come last, on page 2
        List<String> ascending = netIds(page(results().param("section", section).param("sort", "total").param("dir", "asc")
                .param("page", "2")));
        assertThat(ascending).hasSize(10).endsWith(worst.username(), best.username());
    }

    @Test
    void aSearchFindsAStudentByAPieceOfTheNetIdOrNameAndTakesWildcardsAsText() throws Exception {
        String section = StaffFixtures.unique("S");
        students(section, 55);
        Account zed = accounts.create(StaffFixtures.unique("zq"), "Zed 100% Quist", null, section, Role.STUDENT, null);

        assertThat(netIds(page(results().param("section", section).param("q", "QUIST")))).containsExactly(zed.username());
        assertThat(netIds(page(results().param("section", section).param("q", zed.username())))).containsExactly(zed.username());
        assertThat(netIds(page(results().param("section", section).param("q", "100%")))).containsExactly(zed.username());
        String none = page(results().param("section", section).param("q", "_"));
        assertThat(netIds(none)).isEmpty();
        assertThat(none).contains("No student matches").contains("value=\"_\"");
    }

    @Test
    void theStatusFilterSeparatesAttemptsWaitingForAGraderFromFinishedOnes() throws Exception {
        String section = StaffFixtures.unique("G");
        List<Account> students = students(section, 3);
        fixtures.submitted(students.get(0), "{\"3.1.4\": \"Network 2 uses one conv with stride 4\"}");
        var graded = fixtures.submitted(students.get(1), "{\"1.1\": false}");
        // the hand-graded 3.1.4 waits for a grader even when blank: a grader's score finishes the attempt
        scoreBook.override(graded.getId(), "3.1.4", java.math.BigDecimal.ZERO, "blank",
                accounts.findByUsername(ta.getUsername()).orElseThrow().id());
        attempts.start(QUIZ, students.get(2).id(), students.get(2).fullName());

        assertThat(netIds(page(results().param("section", section).param("status", "needs_grading"))))
                .containsExactly(students.get(0).username());
        assertThat(netIds(page(results().param("section", section).param("status", "submitted"))))
                .containsExactly(students.get(1).username());
        assertThat(netIds(page(results().param("section", section).param("status", "in_progress"))))
                .containsExactly(students.get(2).username());
        assertThat(netIds(page(results().param("section", section).param("sort", "status").param("dir", "desc"))))
                .containsExactly(students.get(1).username(), students.get(0).username(), students.get(2).username());
    }

    @Test
    void aBadPageOrSearchIsNamedAndTheTableIsShownAllTheSame() throws Exception {
        String section = StaffFixtures.unique("B");
        students(section, 60);

        String zero = page(results().param("section", section).param("page", "0"));
        assertThat(zero).contains("Pages start at 1.", "Page 1 of 2");
        assertThat(netIds(zero)).hasSize(50);

        String beyond = page(results().param("section", section).param("page", "9"));
        assertThat(beyond).contains("Page 2 of 2");
        assertThat(netIds(beyond)).hasSize(10);

        String word = page(results().param("section", section).param("page", "two"));
        assertThat(netIds(word)).hasSize(50);

        String tooLong = "x".repeat(101);
        String searched = page(results().param("section", section).param("q", tooLong));
        assertThat(searched).contains("Search for at most 100 characters.").contains("value=\"" + tooLong + "\"");
        assertThat(netIds(searched)).hasSize(50);
    }

    private List<Account> students(String section, int count) {
        List<Account> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(accounts.create(section.toLowerCase() + String.format("-%03d", i), "Student " + section + " " + i, null,
                    section, Role.STUDENT, null));
        }
        return created;
    }

    private MockHttpServletRequestBuilder results() {
        return get("/admin/quizzes/" + QUIZ + "/results").with(user(ta));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<String> netIds(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = NET_ID.matcher(html);
        while (m.find()) {
            found.add(m.group(1).strip());
        }
        return found;
    }
}
