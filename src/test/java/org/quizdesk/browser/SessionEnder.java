package org.quizdesk.browser;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * Ends a student's HTTP sessions on the server, as a restart without persistent sessions or an expiry would: in
 * Spring Session's store when sessions live there, else among the servlet container's own sessions.
 */
public final class SessionEnder implements HttpSessionListener {

    private final Set<HttpSession> containerSessions = ConcurrentHashMap.newKeySet();
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> store;

    SessionEnder(ObjectProvider<FindByIndexNameSessionRepository<?>> store) {
        this.store = store;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        containerSessions.add(event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        containerSessions.remove(event.getSession());
    }

    /** Returns how many sessions of this user were ended. */
    int endSessionsOf(String username) {
        int ended = 0;
        FindByIndexNameSessionRepository<?> repository = store.getIfAvailable();
        if (repository != null) {
            for (String id : repository.findByPrincipalName(username).keySet()) {
                repository.deleteById(id);
                ended++;
            }
        }
        for (HttpSession session : containerSessions) {
            try {
                if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                        && context.getAuthentication() != null && username.equals(context.getAuthentication().getName())) {
                    session.invalidate();
                    ended++;
                }
            } catch (IllegalStateException alreadyInvalid) {
                containerSessions.remove(session);
            }
        }
        return ended;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        SessionEnder sessionEnder(ObjectProvider<FindByIndexNameSessionRepository<?>> store) {
            return new SessionEnder(store);
        }
    }
}
