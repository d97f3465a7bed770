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

/** Pages link the WebJars' files by their versioned paths, which are served; other links stay as written. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class WebJarLinksTest {

    private static final Pattern KATEX_SCRIPT = Pattern.compile("src=\"(/webjars/katex/[0-9][^/\"]*/dist/katex\\.min\\.js)\"");

    @Autowired MockMvc mvc;

    @Test
    void webJarsLinksGetTheirVersionAndOtherLinksStayAsWritten() throws Exception {
        String page = mvc.perform(get("/signin")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Matcher script = KATEX_SCRIPT.matcher(page);
        assertThat(script.find()).as("the KaTeX script linked with its version in:%n%s", page).isTrue();
        assertThat(page).doesNotContain("\"/webjars/katex/dist/")
                .contains("href=\"/css/quizdesk.css\"", "action=\"/signin\"");
        mvc.perform(get(script.group(1))).andExpect(status().isOk());
    }
}
