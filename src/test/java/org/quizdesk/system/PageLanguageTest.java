package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The language of a page: the browser's, or the one chosen with the switch; German for students, English for staff. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class PageLanguageTest {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;

    UserDetails student;

    @BeforeEach
    void signedInStudent() {
        String name = "lang" + System.nanoTime();
        accounts.create(name, "Lena Sprache", null, "AA", Role.STUDENT, "pw");
        student = users.loadUserByUsername(name);
    }

    @Test
    void aPageIsInTheBrowsersLanguageWhenQuizdeskSpeaksIt() throws Exception {
        assertThat(page(get("/signin").header(HttpHeaders.ACCEPT_LANGUAGE, "de-AT,de;q=0.9,en;q=0.5")))
                .contains("<html lang=\"de\">", "<h1>Anmelden</h1>", ">Passwort</label>", "href=\"?lang=en\"", ">English</a>");
        assertThat(page(get("/signin").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9,de;q=0.5")))
                .as("the first language with texts").contains("<html lang=\"de\">", "<h1>Anmelden</h1>");
        assertThat(page(get("/signin").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR")))
                .contains("<html lang=\"en\">", "<h1>Sign in</h1>", "href=\"?lang=de\"", ">Deutsch</a>");
        assertThat(page(get("/signin"))).contains("<html lang=\"en\">", "<h1>Sign in</h1>");
    }

    @Test
    void theLanguagesAreEnglishAndEveryTranslationsFile() throws Exception {
        assertThat(LocaleConfiguration.Languages.fromBundles().all()).containsExactly(Locale.ENGLISH, Locale.GERMAN);
        assertThat(LocaleConfiguration.Languages.fromBundles().ownName(Locale.GERMAN)).isEqualTo("Deutsch");
    }

    @Test
    void theSwitchKeepsTheChoiceInACookieThatOutranksTheBrowser() throws Exception {
        Cookie chosen = mvc.perform(get("/signin").param("lang", "de").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk())
                .andExpect(cookie().value("quizdesk-lang", "de"))
                .andExpect(cookie().httpOnly("quizdesk-lang", true))
                .andExpect(cookie().sameSite("quizdesk-lang", "Lax"))
                .andReturn().getResponse().getCookie("quizdesk-lang");
        assertThat(page(get("/quizzes").with(user(student)).cookie(chosen).header(HttpHeaders.ACCEPT_LANGUAGE, "en")))
                .contains("<html lang=\"de\">", "<h1>Meine Quizze</h1>", "Abmelden");
        assertThat(page(get("/signin").param("lang", "xx"))).as("a language without texts changes nothing")
                .contains("<html lang=\"en\">");
        mvc.perform(get("/signin").param("lang", "xx")).andExpect(cookie().doesNotExist("quizdesk-lang"));
        assertThat(page(get("/signin").cookie(new Cookie("quizdesk-lang", "fr")))).as("a cookie naming another language")
                .contains("<html lang=\"en\">");
    }

    @Test
    void theAnswersApiNeverChangesTheLanguageButAnswersInIt() throws Exception {
        mvc.perform(put("/api/attempts/{id}/answers", 987654321L).param("lang", "de").with(user(student)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}").header(HttpHeaders.ACCEPT_LANGUAGE, "de"))
                .andExpect(status().isNotFound())
                .andExpect(cookie().doesNotExist("quizdesk-lang"))
                .andExpect(jsonPath("$.error").value("not_found"))
                .andExpect(jsonPath("$.message").value("Für Ihr Konto gibt es keinen solchen Versuch."));
        mvc.perform(get("/api/attempts/{id}/status", 987654321L).with(user(student)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("There is no such attempt for your account."));
    }

    @Test
    void theJsonSignInAnswersInThePagesLanguage() throws Exception {
        mvc.perform(post("/signin").param("username", "nobody-" + System.nanoTime()).param("password", "wrong").with(csrf())
                        .accept(MediaType.APPLICATION_JSON).header(HttpHeaders.ACCEPT_LANGUAGE, "de"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("bad_credentials"))
                .andExpect(jsonPath("$.message").value(
                        "Net-ID und Passwort passen nicht zusammen. Prüfen Sie beides und versuchen Sie es noch einmal."));
    }

    @Test
    void aFormErrorIsInTheStudentsLanguage() throws Exception {
        String page = mvc.perform(post("/setup-password").param("code", "").param("password", "x").param("repeated", "x")
                        .with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "de"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Geben Sie den Einmalcode ein, den Sie von der Kursleitung erhalten haben.");
        String refused = mvc.perform(post("/setup-password").param("code", "no-such-code").param("password", "long enough pass")
                        .param("repeated", "long enough pass").with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "de"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Dieser Code ist nicht gültig: Er wurde vielleicht schon verwendet");
    }

    @Test
    void aRefusalOnAPageIsInTheStudentsLanguage() throws Exception {
        String page = mvc.perform(get("/attempts/{id}", 987654321L).with(user(student)).header(HttpHeaders.ACCEPT_LANGUAGE, "de"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Nicht gefunden", "Für Ihr Konto gibt es keinen solchen Versuch.", "Status 404");
        String noQuiz = mvc.perform(get("/quizzes/{id}", "no-such-quiz").with(user(student)).header(HttpHeaders.ACCEPT_LANGUAGE, "de"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(noQuiz).contains("Es gibt kein Quiz „no-such-quiz“.");
    }

    @Test
    void staffPagesStayEnglishWhateverTheBrowserSays() throws Exception {
        String name = "staff" + System.nanoTime();
        accounts.create(name, "Stefan Staff", null, null, Role.INSTRUCTOR, "pw");
        UserDetails instructor = users.loadUserByUsername(name);
        assertThat(page(get("/admin").with(user(instructor)).header(HttpHeaders.ACCEPT_LANGUAGE, "de")
                        .cookie(new Cookie("quizdesk-lang", "de"))))
                .contains("<html lang=\"en\">", "<h1>Course staff</h1>", "Sign out").doesNotContain("Abmelden", "href=\"?lang=");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
