package org.quizdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.quizdesk.attempt.AttemptService;
import org.quizdesk.attempt.internal.AttemptRepository;
import org.quizdesk.cli.StaffCommandLine;
import org.quizdesk.quiz.QuizCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Import by upload on the admin home, over HTTP: upload, preview, confirm; nothing is written before the
 * confirmation, and bad files, unsafe names, existing quizzes, TAs and requests without CSRF are refused.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ImportUploadTest {

    static final Path DIR = folderWithTheSeedQuiz();
    private static final Path SAMPLE = Path.of("src/test/resources/interchange/moodle-sample.xml");
    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

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
    void anUploadIsPreviewedAndOnlyTheConfirmationWritesAFileThatValidatesAndTheCatalogLists() throws Exception {
        List<Path> before = files();
        Cookie session = upload("moodle-sample.xml", Files.readAllBytes(SAMPLE));
        assertThat(files()).as("nothing written before the confirmation").isEqualTo(before);

        String preview = page(session);
        assertThat(preview).contains("Import preview: ").contains("Moodle XML file moodle-sample.xml")
                .contains("Not carried over, or changed on the way")
                .contains("image &quot;ports.png&quot; in the prompt is not carried over") // listed, not dropped
                .contains("line 122") // the matching question left out, by its line
                .contains("Where scores would differ").contains("scores differ for")
                .contains("Which ports are below 1024?") // the questions as the preview shows them
                .contains("name=\"quizId\"").contains("value=\"moodle-sample\"");

        MvcResult saved = mvc.perform(post("/admin/imports/confirm").param("quizId", "network-bank")
                        .cookie(session).with(instructor()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin")).andReturn();
        assertThat(said(saved, "message")).startsWith("Imported moodle-sample.xml as ").contains("network-bank.yaml");
        Path written = DIR.resolve("network-bank.yaml");
        assertThat(written).exists();
        assertThat(validate(written)).isEqualTo(StaffCommandLine.OK);
        assertThat(catalog.current("network-bank")).isPresent();
        assertThat(mvc.perform(get("/admin").with(instructor())).andReturn().getResponse().getContentAsString())
                .contains("network-bank");
        // confirmed: the upload no longer waits in the session
        mvc.perform(get("/admin/imports").cookie(session).with(instructor()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin"));
    }

    @Test
    void aMalformedFileShowsItsErrorAndWritesNothing() throws Exception {
        List<Path> before = files();
        MvcResult refused = mvc.perform(multipart("/admin/imports").file(new MockMultipartFile("file", "broken.xml",
                        "text/xml", "<quiz>\n<question type=\"truefalse\">\n<name><text>x</text>\n</quiz>\n"
                                .getBytes(StandardCharsets.UTF_8))).with(instructor()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin")).andReturn();
        assertThat(said(refused, "error")).startsWith("Nothing was imported. broken.xml: line ");
        assertThat(files()).isEqualTo(before);

        MvcResult empty = mvc.perform(multipart("/admin/imports").file(new MockMultipartFile("file", "empty.gift",
                "text/plain", new byte[0])).with(instructor()).with(csrf())).andReturn();
        assertThat(said(empty, "error")).contains("empty.gift is empty");
    }

    @Test
    void aFileOverTheLimitIsRefusedSayingSo() throws Exception {
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        MvcResult refused = mvc.perform(multipart("/admin/imports").file(new MockMultipartFile("file", "huge.xml",
                "text/xml", large)).with(instructor()).with(csrf())).andReturn();
        assertThat(said(refused, "error")).contains("larger than the 10 MB an upload may be");
    }

    @Test
    void aNameWithAPathOrAnExistingQuizIsRefusedAndACancelLeavesNothing() throws Exception {
        List<Path> before = files();
        String seedQuiz = Files.readString(DIR.resolve(StaffFixtures.QUIZ + ".yaml"));
        Cookie session = upload("moodle-sample.xml", Files.readAllBytes(SAMPLE));

        String traversal = mvc.perform(post("/admin/imports/confirm").param("quizId", "../escaped")
                        .cookie(session).with(instructor()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(traversal).contains("A file name is lowercase letters, digits and &quot;-&quot;");
        assertThat(DIR.resolveSibling("escaped.yaml")).doesNotExist();

        String existing = mvc.perform(post("/admin/imports/confirm").param("quizId", StaffFixtures.QUIZ)
                        .cookie(session).with(instructor()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(existing).contains("A quiz named " + StaffFixtures.QUIZ + " exists already")
                .contains("name=\"replace\"");
        assertThat(Files.readString(DIR.resolve(StaffFixtures.QUIZ + ".yaml"))).isEqualTo(seedQuiz);

        MvcResult cancelled = mvc.perform(post("/admin/imports/cancel").cookie(session).with(instructor()).with(csrf()))
                .andExpect(redirectedUrl("/admin")).andReturn();
        assertThat(said(cancelled, "message")).contains("cancelled; nothing was written");
        assertThat(files()).isEqualTo(before);
        mvc.perform(post("/admin/imports/confirm").param("quizId", "after-cancel").cookie(session).with(instructor())
                .with(csrf())).andExpect(redirectedUrl("/admin"));
        assertThat(DIR.resolve("after-cancel.yaml")).doesNotExist();
    }

    @Test
    void embeddedImagesAreWrittenNextToTheQuizFile() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <quiz>
                  <question type="truefalse">
                    <name><text>Diagram</text></name>
                    <questiontext format="html"><text><![CDATA[<p>Is this a tree?</p><img src="@@PLUGINFILE@@/tree%20diagram.png" alt="A tree">]]></text>
                      <file name="tree diagram.png" path="/" encoding="base64">IMAGE</file>
                    </questiontext>
                    <answer fraction="100"><text>true</text></answer>
                    <answer fraction="0"><text>false</text></answer>
                  </question>
                </quiz>
                """.replace("IMAGE", Base64.getEncoder().encodeToString(PNG));
        Cookie session = upload("trees.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(page(session)).contains("1 image(s) go into");
        mvc.perform(post("/admin/imports/confirm").param("quizId", "trees").cookie(session).with(instructor()).with(csrf()))
                .andExpect(redirectedUrl("/admin"));
        assertThat(DIR.resolve("trees/figures/tree-diagram.png")).hasBinaryContent(PNG);
        assertThat(Files.readString(DIR.resolve("trees.yaml"))).contains("file: trees/figures/tree-diagram.png");
        assertThat(validate(DIR.resolve("trees.yaml"))).isEqualTo(StaffCommandLine.OK);
    }

    @Test
    void onlyInstructorsImportAndCsrfIsRequired() throws Exception {
        StaffFixtures fixtures = new StaffFixtures(accounts, users, attempts, attemptRepository);
        MockMultipartFile file = new MockMultipartFile("file", "moodle-sample.xml", "text/xml", Files.readAllBytes(SAMPLE));
        mvc.perform(multipart("/admin/imports").file(file).with(user(fixtures.staff(Role.TA))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/imports/confirm").param("quizId", "by-ta").with(user(fixtures.staff(Role.TA))).with(csrf()))
                .andExpect(status().isForbidden());
        UserDetails student = fixtures.signIn(fixtures.student("Stu Dent", "AA"));
        mvc.perform(multipart("/admin/imports").file(file).with(user(student)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/imports").file(file).with(instructor())).andExpect(status().isForbidden());
        Cookie session = upload("moodle-sample.xml", Files.readAllBytes(SAMPLE));
        mvc.perform(post("/admin/imports/confirm").param("quizId", "without-csrf").cookie(session).with(instructor()))
                .andExpect(status().isForbidden());
        assertThat(DIR.resolve("without-csrf.yaml")).doesNotExist();
        assertThat(DIR.resolve("by-ta.yaml")).doesNotExist();
    }

    private Cookie upload(String name, byte[] content) throws Exception {
        MvcResult uploaded = mvc.perform(multipart("/admin/imports").file(new MockMultipartFile("file", name,
                        "application/octet-stream", content)).with(instructor()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/imports")).andReturn();
        Cookie session = uploaded.getResponse().getCookie("SESSION");
        assertThat(session).as("the upload waits in the session").isNotNull();
        return session;
    }

    private String page(Cookie session) throws Exception {
        return mvc.perform(get("/admin/imports").cookie(session).with(instructor()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor instructor() {
        return user(users.loadUserByUsername("instructor"));
    }

    private String said(MvcResult result, String kind) {
        return messages.getMessage((MessageSourceResolvable) result.getFlashMap().get(kind), Locale.ENGLISH);
    }

    private static int validate(Path file) {
        return new StaffCommandLine(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run("validate", file.toString());
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(DIR)) {
            return walk.sorted().toList();
        }
    }

    private static Path folderWithTheSeedQuiz() {
        try {
            Path dir = Files.createTempDirectory("quizdesk-import-upload");
            Files.copy(Path.of("quizzes", StaffFixtures.QUIZ + ".yaml"), dir.resolve(StaffFixtures.QUIZ + ".yaml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
