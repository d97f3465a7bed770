package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.account.AccountService;
import org.quizdesk.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.convert.ConversionService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Spring MVC writes points through one formatter: templates' {@code ${{…}}}, in the request's language. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class PointsFormatterTest {

    @Autowired @Qualifier("mvcConversionService") ConversionService conversions;
    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theMvcConversionServiceWritesPointsInTheRequestsLanguageAndReadsThemAsFormsSendThem() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(conversions.convert(new BigDecimal("2.50"), String.class)).isEqualTo("2.5");
        LocaleContextHolder.setLocale(Locale.GERMAN);
        assertThat(conversions.convert(new BigDecimal("2.50"), String.class)).isEqualTo("2,5");
        assertThat(conversions.convert(" 1.5 ", BigDecimal.class)).isEqualByComparingTo("1.5");
    }

    @Test
    void pagesWritePointsThroughIt() throws Exception {
        String netId = "points" + System.nanoTime();
        accounts.create(netId, "Points Reader", null, "AA", Role.STUDENT, "student-password-123");
        String page = mvc.perform(get("/quizzes/{id}", "cse493g1-au24-quiz2").with(user(users.loadUserByUsername(netId))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(">20 points in 3 sections<");
    }
}
