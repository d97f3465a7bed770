package org.quizdesk.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.lti.internal.AccountLinkRepository;
import org.quizdesk.lti.internal.AccountLinkRow;
import org.quizdesk.testsupport.RealSignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code /admin/lti}: registering, changing and deleting platforms with a validated form, and who launched as an
 * account; instructors only.
 */
class LtiAdminTest extends LtiTestContext {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AccountLinkRepository links;

    @Test
    void anInstructorRegistersChangesAndDeletesAPlatform() throws Exception {
        RequestPostProcessor instructor = RealSignIn.signIn(mvc, "instructor", "test-instructor-password");
        mvc.perform(get("/admin/lti").with(instructor)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/lti/login")))
                .andExpect(content().string(Matchers.containsString("/lti/jwks")))
                .andExpect(content().string(Matchers.containsString(PLATFORM.issuer())));

        mvc.perform(fill(post("/admin/lti/platforms/new"), Map.of("issuer", "https://moodle.uni.example", "clientId", "abc123",
                        "deploymentIds", "1, 2\n2", "oidcLoginUrl", "https://moodle.uni.example/mod/lti/auth.php",
                        "tokenUrl", "https://moodle.uni.example/mod/lti/token.php", "keySetUrl", "https://moodle.uni.example/mod/lti/certs.php"))
                        .with(instructor).with(csrf()))
                .andExpect(redirectedUrl("/admin/lti")).andExpect(flash().attributeExists("message"));
        Platform moodle = registrations.find("https://moodle.uni.example", "abc123").orElseThrow();
        assertThat(moodle.deploymentIds()).containsExactly("1", "2");
        assertThat(moodle.trustsCustomNetId()).as("a new registration trusts no custom parameter until ticked").isFalse();

        mvc.perform(get("/admin/lti/platforms/" + moodle.id()).with(instructor)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("https://moodle.uni.example/mod/lti/certs.php")))
                .andExpect(content().string(Matchers.containsString("the custom parameter preferred_username")));
        mvc.perform(fill(post("/admin/lti/platforms/" + moodle.id()), Map.of("issuer", "https://moodle.uni.example", "clientId", "abc123",
                        "deploymentIds", "3", "oidcLoginUrl", "https://moodle.uni.example/mod/lti/auth.php",
                        "tokenUrl", "https://moodle.uni.example/mod/lti/token.php", "keySetUrl", "https://moodle.uni.example/mod/lti/certs.php",
                        "trustsCustomNetId", "true"))
                        .with(instructor).with(csrf()))
                .andExpect(redirectedUrl("/admin/lti"));
        assertThat(registrations.find(moodle.id()).orElseThrow()).satisfies(changed -> {
            assertThat(changed.deploymentIds()).containsExactly("3");
            assertThat(changed.trustsCustomNetId()).isTrue();
        });
        mvc.perform(get("/admin/lti/platforms/" + moodle.id()).with(instructor))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*id=\"trustsCustomNetId\"[^>]*checked.*")));
        // unticked, the box sends nothing: the registration stops trusting the parameter
        mvc.perform(fill(post("/admin/lti/platforms/" + moodle.id()), Map.of("issuer", "https://moodle.uni.example", "clientId", "abc123",
                        "deploymentIds", "3", "oidcLoginUrl", "https://moodle.uni.example/mod/lti/auth.php",
                        "tokenUrl", "https://moodle.uni.example/mod/lti/token.php", "keySetUrl", "https://moodle.uni.example/mod/lti/certs.php"))
                        .with(instructor).with(csrf()))
                .andExpect(redirectedUrl("/admin/lti"));
        assertThat(registrations.find(moodle.id()).orElseThrow().trustsCustomNetId()).isFalse();

        mvc.perform(post("/admin/lti/platforms/" + moodle.id() + "/delete").with(instructor).with(csrf()))
                .andExpect(redirectedUrl("/admin/lti"));
        assertThat(registrations.find(moodle.id())).isEmpty();
        mvc.perform(post("/admin/lti/platforms/" + moodle.id() + "/delete").with(instructor).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsNamedFieldByFieldAndNothingIsSavedOrLost() throws Exception {
        RequestPostProcessor instructor = RealSignIn.signIn(mvc, "instructor", "test-instructor-password");
        int before = registrations.all().size();

        mvc.perform(fill(post("/admin/lti/platforms/new"), Map.of("issuer", "canvas", "clientId", "", "deploymentIds", "a b",
                        "oidcLoginUrl", "http://lms.example/auth", "tokenUrl", "javascript:alert(1)", "keySetUrl", "https://lms.example/jwks"))
                        .with(instructor).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("platformForm", "issuerValid", "clientId", "deploymentIdsValid",
                        "oidcLoginUrlValid", "tokenUrlValid"))
                .andExpect(content().string(Matchers.containsString("Fix the fields marked below; nothing was saved.")))
                .andExpect(content().string(Matchers.containsString("Enter a full https address")))
                // what was typed is still there to correct
                .andExpect(content().string(Matchers.containsString("https://lms.example/jwks")));
        assertThat(registrations.all()).hasSize(before);

        Map<String, String> duplicate = PLATFORM.registration();
        mvc.perform(fill(post("/admin/lti/platforms/new"), duplicate).with(instructor).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("platformForm", "clientId"))
                .andExpect(content().string(Matchers.containsString("Another registration has this issuer and client ID already.")));
        assertThat(registrations.all()).hasSize(before);
    }

    @Test
    void aTaCannotRegisterPlatformsOrRotateKeys() throws Exception {
        accounts.create("lti-ta", "Lti Ta", null, null, Role.TA, "ta-password-lti");
        RequestPostProcessor ta = RealSignIn.signIn(mvc, "lti-ta", "ta-password-lti");
        mvc.perform(get("/admin/lti").with(ta)).andExpect(status().isForbidden());
        mvc.perform(fill(post("/admin/lti/platforms/new"), PLATFORM.registration()).with(ta).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/lti/keys/rotate").with(ta).with(csrf())).andExpect(status().isForbidden());
        // and the rotation is a form post with the page's token
        RequestPostProcessor instructor = RealSignIn.signIn(mvc, "instructor", "test-instructor-password");
        mvc.perform(post("/admin/lti/keys/rotate").with(instructor)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/lti/keys/rotate").with(instructor).with(csrf())).andExpect(redirectedUrl("/admin/lti"));
    }

    @Test
    void anInstructorSeesWhoLaunchedAsAnAccountAndRemovesAWrongLink() throws Exception {
        // a teacher's student view got into a student's account before she launched; her own launch is now refused
        long student = accounts.create("linked-wrongly", "Linked Wrongly", null, "AA", Role.STUDENT, null).id();
        links.save(new AccountLinkRow(PLATFORM.issuer(), "sub-teachers-view", student, clock.instant()));
        RequestPostProcessor instructor = RealSignIn.signIn(mvc, "instructor", "test-instructor-password");

        mvc.perform(get("/admin/lti").param("account", " Linked-Wrongly ").with(instructor)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("LMS users who opened Quizdesk as linked-wrongly (Linked Wrongly)")))
                .andExpect(content().string(Matchers.containsString("<code>sub-teachers-view</code>")));

        mvc.perform(post("/admin/lti/links/remove").param("issuer", PLATFORM.issuer()).param("subject", "sub-teachers-view")
                        .param("account", "linked-wrongly").with(instructor).with(csrf()))
                .andExpect(redirectedUrl("/admin/lti?account=linked-wrongly#links")).andExpect(flash().attributeExists("message"));
        assertThat(links.subjects(PLATFORM.issuer(), student)).isEmpty();
        mvc.perform(get("/admin/lti").param("account", "linked-wrongly").with(instructor))
                .andExpect(content().string(Matchers.containsString("Nobody has launched from an LMS as linked-wrongly")));

        // removed twice (two tabs), a made-up name, and a name that is markup: said plainly, nothing else changes
        mvc.perform(post("/admin/lti/links/remove").param("issuer", PLATFORM.issuer()).param("subject", "sub-teachers-view")
                        .param("account", "linked-wrongly").with(instructor).with(csrf()))
                .andExpect(flash().attributeExists("error"));
        mvc.perform(post("/admin/lti/links/remove").param("issuer", "").param("subject", "").with(instructor).with(csrf()))
                .andExpect(redirectedUrl("/admin/lti#links")).andExpect(flash().attributeExists("error"));
        mvc.perform(get("/admin/lti").param("account", "<b>nobody</b>").with(instructor))
                .andExpect(content().string(Matchers.containsString("No account is named &lt;b&gt;nobody&lt;/b&gt;.")));

        // staff who are not instructors see no links and remove none; a post without the page's token is refused
        accounts.create("lti-ta-links", "Lti Ta", null, null, Role.TA, "ta-password-lti");
        links.save(new AccountLinkRow(PLATFORM.issuer(), "sub-kept", student, clock.instant()));
        RequestPostProcessor ta = RealSignIn.signIn(mvc, "lti-ta-links", "ta-password-lti");
        mvc.perform(get("/admin/lti").param("account", "linked-wrongly").with(ta)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/lti/links/remove").param("issuer", PLATFORM.issuer()).param("subject", "sub-kept").with(ta).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/lti/links/remove").param("issuer", PLATFORM.issuer()).param("subject", "sub-kept").with(instructor))
                .andExpect(status().isForbidden());
        assertThat(links.subjects(PLATFORM.issuer(), student)).containsExactly("sub-kept");
    }

    private static MockHttpServletRequestBuilder fill(MockHttpServletRequestBuilder request, Map<String, String> fields) {
        fields.forEach(request::param);
        return request;
    }
}
