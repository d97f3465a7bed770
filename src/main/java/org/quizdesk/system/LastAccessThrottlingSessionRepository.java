package org.quizdesk.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * A session repository that lets a session's last access time move only when it is at least {@code touchEvery}
 * old. Spring Session marks a session changed on every request just for its access time, and then writes its row;
 * with a four-hour timeout, a minute of difference in the expiry changes nothing, and the write is saved on every
 * request of a signed-in student (a save, a status check) whose session did not change otherwise.
 *
 * <p>A session the request did not change is not handed back to the JDBC repository at all, which would open and
 * commit an empty transaction for it on every request (a JPA transaction: an entity manager, a pooled connection,
 * the database's begin and commit). Only setting attributes changes a session (Spring Session's default save mode,
 * which the application keeps).
 *
 * <p>Spring Session's filter saves a session when the response is committed (a redirect, a page's view flushed) and
 * again when the request ends, and before that second save it reads the session from the database once more only to
 * learn the requested id (spring-session#1424): a second query on every page and redirect. A read of the session
 * this thread has just saved gets the saved one instead, until {@link #forgetSaved()} at the end of each dispatch
 * ({@link HttpSessionConfiguration}), so that no later request can see it.
 */
final class LastAccessThrottlingSessionRepository<S extends Session>
        implements FindByIndexNameSessionRepository<LastAccessThrottlingSessionRepository.ThrottledSession> {

    private final FindByIndexNameSessionRepository<S> delegate;
    private final Duration touchEvery;
    /** The session this thread saved last in the dispatch it serves. */
    private final ThreadLocal<ThrottledSession> saved = new ThreadLocal<>();

    LastAccessThrottlingSessionRepository(FindByIndexNameSessionRepository<S> delegate, Duration touchEvery) {
        this.delegate = delegate;
        this.touchEvery = touchEvery;
    }

    @Override
    public ThrottledSession createSession() {
        return new ThrottledSession(delegate.createSession(), touchEvery, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void save(ThrottledSession session) {
        if (session.changed) {
            delegate.save((S) session.session);
            session.changed = false;
        }
        saved.set(session);
    }

    @Override
    public ThrottledSession findById(String id) {
        ThrottledSession justSaved = justSaved(id);
        if (justSaved != null) {
            return justSaved;
        }
        S session = delegate.findById(id);
        return session == null ? null : new ThrottledSession(session, touchEvery, false);
    }

    @Override
    public void deleteById(String id) {
        if (justSaved(id) != null) {
            saved.remove();
        }
        delegate.deleteById(id);
    }

    /** The session with this id if this thread has just saved it, else null. */
    private ThrottledSession justSaved(String id) {
        ThrottledSession session = saved.get();
        return session != null && session.getId().equals(id) ? session : null;
    }

    /** Ends what {@link #findById} gives from this thread's last save: called when a dispatch ends. */
    void forgetSaved() {
        saved.remove();
    }

    @Override
    public Map<String, ThrottledSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return delegate.findByIndexNameAndIndexValue(indexName, indexValue).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> new ThrottledSession(entry.getValue(), touchEvery, false)));
    }

    /**
     * The stored session, with an access time that moves only in steps of {@code touchEvery}, and which knows whether
     * anything was changed since it was read or last saved (a new session has everything to write).
     */
    static final class ThrottledSession implements Session {

        private final Session session;
        private final Duration touchEvery;
        private boolean changed;

        ThrottledSession(Session session, Duration touchEvery, boolean changed) {
            this.session = session;
            this.touchEvery = touchEvery;
            this.changed = changed;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!lastAccessedTime.isBefore(session.getLastAccessedTime().plus(touchEvery))) {
                session.setLastAccessedTime(lastAccessedTime);
                changed = true;
            }
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
