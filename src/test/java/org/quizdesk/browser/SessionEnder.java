package org.quizdesk.browser;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.session.FindByIndexNameSessionRepository;

/** Ends a student's HTTP sessions on the server (their rows in the session store), as an expiry or a lost store would. */
public final class SessionEnder {

    private final FindByIndexNameSessionRepository<?> store;

    SessionEnder(FindByIndexNameSessionRepository<?> store) {
        this.store = store;
    }

    /** Returns how many sessions of this user were ended. */
    int endSessionsOf(String username) {
        int ended = 0;
        for (String id : store.findByPrincipalName(username).keySet()) {
            store.deleteById(id);
            ended++;
        }
        return ended;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        SessionEnder sessionEnder(FindByIndexNameSessionRepository<?> store) {
            return new SessionEnder(store);
        }
    }
}
