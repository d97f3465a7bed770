package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Pages link the app's style sheet and scripts by their content's hash and the WebJars' files by their versions, and
 * those addresses are served; other links stay as written.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class StaticFileLinksTest {

    private static final Pattern KATEX_SCRIPT = Pattern.compile("src=\"(/webjars/katex/[0-9][^/\"]*/dist/katex\\.min\\.js)\"");
    private static final Pattern STYLE_SHEET = Pattern.compile("href=\"(/css/quizdesk-[0-9a-f]{32}\\.css)\"");
    private static final Pattern PAGE_SCRIPT = Pattern.compile("src=\"(/js/page-[0-9a-f]{32}\\.js)\"");

    @Autowired MockMvc mvc;
    @Autowired StaticFileLinks links;

    @Test
    void staticFilesAreLinkedByTheirContentOrVersionAndOtherLinksStayAsWritten() throws Exception {
        String page = mvc.perform(get("/signin")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        for (Pattern link : new Pattern[] {KATEX_SCRIPT, STYLE_SHEET, PAGE_SCRIPT}) {
            Matcher found = link.matcher(page);
            assertThat(found.find()).as("%s in:%n%s", link, page).isTrue();
            mvc.perform(get(found.group(1))).andExpect(status().isOk());
        }
        assertThat(page).doesNotContain("\"/webjars/katex/dist/", "\"/css/quizdesk.css\"", "\"/js/page.js\"")
                .contains("action=\"/signin\"", "href=\"/\"");
    }

    @Test
    void pagesWrittenByHandAskForTheSameAddresses() throws Exception {
        String page = mvc.perform(get("/signin")).andReturn().getResponse().getContentAsString();
        Matcher styleSheet = STYLE_SHEET.matcher(page);
        assertThat(styleSheet.find()).isTrue();

        assertThat(links.of("/css/quizdesk.css")).isEqualTo(styleSheet.group(1));
        assertThat(links.of("/js/busy.js")).matches("/js/busy-[0-9a-f]{32}\\.js");
        assertThat(links.of("/quizzes")).as("no file").isEqualTo("/quizzes");
    }
}
