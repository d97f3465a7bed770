package org.quizdesk;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Health for load balancers without sign-in, with the database in readiness; metrics for staff only. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ActuatorTest {

    @Autowired
    MockMvc mvc;

    @Test
    void livenessAndReadinessAnswerWithoutSignIn() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void staffSeeThatReadinessIncludesTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health/readiness").with(user("instructor").roles("INSTRUCTOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness").with(user("instructor").roles("INSTRUCTOR")))
                .andExpect(jsonPath("$.components.db").doesNotExist());
    }

    @Test
    void metricsAreForStaffOnly() throws Exception {
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics").with(user("student1").roles("STUDENT"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics/quizdesk.attempts.saves").with(user("ta1").roles("TA")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.availableTags[0].tag").value("outcome"));
    }
}
