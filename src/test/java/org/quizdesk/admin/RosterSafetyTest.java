package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quizdesk.testsupport.RealSignIn.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A roster cannot take over accounts by their role, and a file in the wrong encoding is refused, not mangled. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class RosterSafetyTest {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;

    @Test
    void roleChangesAreShownOldToNewAndNeverApplyToTheImporterOrAnInstructor(CapturedOutput log) throws Exception {
        UserDetails instructor = users.loadUserByUsername("instructor");
        String otherInstructor = StaffFixtures.unique("prof");
        String student = StaffFixtures.unique("stu");
        String ta = StaffFixtures.unique("ta");
        accounts.create(otherInstructor, "Prof Two", null, null, Role.INSTRUCTOR, "prof-password-123");
        accounts.create(student, "Stu Dent", null, "AA", Role.STUDENT, "student-password-1");
        accounts.create(ta, "Tee Ay", null, "AA", Role.TA, "ta-password-123");
        RequestPostProcessor studentSession = signIn(mvc, student, "student-password-1");
        mvc.perform(get("/admin").with(studentSession)).andExpect(status().isForbidden());

        String csv = "net id,name,email,section,role\n"
                + "instructor,Instructor,,,student\n"
                + otherInstructor + ",Prof Two,,,ta\n"
                + student + ",Stu Dent,,AA,ta\n"
                + ta + ",Tee Ay,,AA,student\n";
        String page = mvc.perform(post("/admin/roster/preview").param("csv", csv).with(user(instructor)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page)
                .contains("instructor -&gt; student</span>:")
                .contains("refused, your own role is not changed by a roster")
                .contains("refused, an instructor&#39;s role is not changed by a roster")
                .contains("<strong>student -&gt; ta</strong>")
                .contains("<strong>ta -&gt; student</strong>")
                .contains("2 role change(s), 2 refused")
                .contains("Import these rows");

        mvc.perform(post("/admin/roster/import").param("csv", csv).with(user(instructor)).with(csrf()))
                .andExpect(redirectedUrl("/admin/roster"));

        assertThat(accounts.findByUsername("instructor").orElseThrow().role()).isEqualTo(Role.INSTRUCTOR);
        assertThat(accounts.findByUsername(otherInstructor).orElseThrow().role()).isEqualTo(Role.INSTRUCTOR);
        assertThat(accounts.findByUsername(student).orElseThrow().role()).isEqualTo(Role.TA);
        assertThat(accounts.findByUsername(ta).orElseThrow().role()).isEqualTo(Role.STUDENT);
        assertThat(log.getOut()).contains("instructor changed the role of account " + student + " (student -> ta)");

        // the new role reaches the student's session on its next request: it is signed out, and signs in as a TA
        mvc.perform(get("/admin").with(studentSession)).andExpect(redirectedUrl("/signin"));
        mvc.perform(get("/admin").with(signIn(mvc, student, "student-password-1"))).andExpect(status().isOk());
    }

    @Test
    void aLatin1RosterIsRefusedWithItsLineAndAHintAndAUtf8OneWithAByteOrderMarkIsRead() throws Exception {
        UserDetails instructor = users.loadUserByUsername("instructor");
        String netId = StaffFixtures.unique("enc");
        String csv = "net id,name,email,section,role\nab1,Ann Bee,,AA,\n" + netId + ",Zo\u00eb N\u00fa\u00f1ez,,AA,\n";

        MockMultipartFile latin1 = new MockMultipartFile("file", "roster.csv", "text/csv", csv.getBytes(StandardCharsets.ISO_8859_1));
        String refused = mvc.perform(multipart("/admin/roster/preview").file(latin1).with(user(instructor)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("line 3: the file is not UTF-8 text").contains("CSV UTF-8")
                .doesNotContain("Import these rows").doesNotContain("\uFFFD");

        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
        String read = mvc.perform(multipart("/admin/roster/preview").file(new MockMultipartFile("file", "roster.csv", "text/csv", withBom))
                .with(user(instructor)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(read).contains("Zo\u00eb N\u00fa\u00f1ez").contains("Import these rows").doesNotContain("not UTF-8");
    }
}
