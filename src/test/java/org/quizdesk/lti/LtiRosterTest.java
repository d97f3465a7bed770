package org.quizdesk.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.testsupport.RealSignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The roster pulled from the platform (NRPS) into the roster page's preview, then imported there; a member imported
 * without a net id is the account their later launch signs in.
 */
class LtiRosterTest extends LtiTestContext {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired Memberships memberships;

    @Test
    void theCoursesMembersArePreviewedAsARosterAndImportedThroughTheSameFlow() throws Exception {
        PLATFORM.memberships("""
                {"id": "%s", "context": {"id": "course-nrps"}, "members": [
                  {"status": "Active", "user_id": "sub-alice", "name": "Alice Nrps", "email": "alice@uni.example",
                   "preferred_username": "nrps-alice", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]},
                  {"status": "Active", "user_id": "sub-bob", "given_name": "Bob", "family_name": "Nonetid",
                   "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]},
                  {"status": "Active", "user_id": "sub-tara", "name": "Tara Assist", "preferred_username": "nrps-tara",
                   "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"]},
                  {"status": "Inactive", "user_id": "sub-gone", "name": "Gone Dropped", "preferred_username": "nrps-gone",
                   "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]}
                ]}""".formatted(PLATFORM.url("/nrps/course-nrps")));
        staffOnRoster("nrps-prof", Role.INSTRUCTOR);
        Started started = initiate();
        Map<String, Object> claims = PLATFORM.launchClaims(started.nonce(), "sub-nrps-prof");
        claims.put(STAFF_NET_ID_CLAIM, "nrps-prof");
        claims.put(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"));
        claims.put(LtiClaims.CONTEXT, Map.of("id", "course-nrps"));
        claims.put("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of(
                "scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"), "lineitem", PLATFORM.url("/lineitems/nrps")));
        claims.put("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", Map.of(
                "context_memberships_url", PLATFORM.url("/nrps/course-nrps"), "service_versions", List.of("2.0")));
        assertThat(started.browser().launch(PLATFORM.idToken(claims), started.state()).statusCode()).isEqualTo(302);
        long course = memberships.courses().stream().filter(c -> "course-nrps".equals(c.contextId())).findFirst().orElseThrow().lineItemId();
        RequestPostProcessor instructor = RealSignIn.signIn(mvc, "instructor", "test-instructor-password");
        mvc.perform(get("/admin/lti/roster").with(instructor)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Course course-nrps at " + PLATFORM.issuer())));

        String bob = LaunchAccounts.generatedUsername(PLATFORM.issuer(), "sub-bob");
        String page = mvc.perform(post("/admin/lti/roster/preview").param("course", String.valueOf(course)).with(instructor).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("nrps-alice", "Alice Nrps", "alice@uni.example", bob, "Bob Nonetid", "nrps-tara", "Import these rows")
                .doesNotContain("nrps-gone");
        assertThat(accounts.findByUsername("nrps-alice")).as("nothing imported by a preview").isEmpty();

        String csv = memberships.rosterCsv(course);
        mvc.perform(post("/admin/roster/import").param("csv", csv).with(instructor).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findByUsername("nrps-alice").orElseThrow().role()).isEqualTo(Role.STUDENT);
        assertThat(accounts.findByUsername("nrps-tara").orElseThrow().role()).isEqualTo(Role.TA);
        long bobsAccount = accounts.findByUsername(bob).orElseThrow().id();

        // Bob, imported without a net id, launches: he is the imported account, not a new one
        Started bobs = initiate();
        assertThat(bobs.browser().launch(PLATFORM.idToken(PLATFORM.launchClaims(bobs.nonce(), "sub-bob")), bobs.state()).statusCode())
                .isEqualTo(302);
        assertThat(bobs.browser().get("/quizzes").body()).contains("Bob Nonetid");
        assertThat(accounts.findByUsername(bob).orElseThrow().id()).isEqualTo(bobsAccount);
    }

    @Test
    void anUnknownCourseIsAnsweredWithAMessageNotAnError() throws Exception {
        RequestPostProcessor instructor = RealSignIn.signIn(mvc, "instructor", "test-instructor-password");
        mvc.perform(post("/admin/lti/roster/preview").param("course", "987654").with(instructor).with(csrf()))
                .andExpect(redirectedUrl("/admin/lti/roster")).andExpect(flash().attributeExists("error"));
    }
}
