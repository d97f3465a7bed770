package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

class LastAccessThrottlingSessionRepositoryTest {

    private final MapSessionRepository stored = new MapSessionRepository(new ConcurrentHashMap<>());
    private final LastAccessThrottlingSessionRepository<MapSession> sessions =
            new LastAccessThrottlingSessionRepository<>(new Indexed(stored), Duration.ofMinutes(1));

    @Test
    void anAccessWithinAMinuteOfTheLastOneLeavesTheStoredTimeAlone() {
        Instant start = Instant.now().minusSeconds(120);
        String id = saved(start);

        var session = sessions.findById(id);
        session.setLastAccessedTime(start.plusSeconds(59));
        sessions.save(session);

        assertThat(stored.findById(id).getLastAccessedTime()).isEqualTo(start);
    }

    @Test
    void anAccessAMinuteOrMoreLaterMovesIt() {
        Instant start = Instant.now().minusSeconds(120);
        String id = saved(start);

        var session = sessions.findById(id);
        session.setLastAccessedTime(start.plusSeconds(60));
        sessions.save(session);

        assertThat(stored.findById(id).getLastAccessedTime()).isEqualTo(start.plusSeconds(60));
    }

    @Test
    void attributesAreStoredThroughTheWrapper() {
        String id = saved(Instant.now());

        var session = sessions.findById(id);
        session.setAttribute("answer", "kept");
        sessions.save(session);

        assertThat(stored.findById(id).<String>getAttribute("answer")).isEqualTo("kept");
        assertThat(sessions.findById("no such session")).isNull();
    }

    private String saved(Instant lastAccess) {
        MapSession session = stored.createSession();
        session.setLastAccessedTime(lastAccess);
        stored.save(session);
        return session.getId();
    }

    /** A map repository with the index interface the application's JDBC one has. */
    private record Indexed(MapSessionRepository map) implements FindByIndexNameSessionRepository<MapSession> {
        @Override public MapSession createSession() { return map.createSession(); }
        @Override public void save(MapSession session) { map.save(session); }
        @Override public MapSession findById(String id) { return map.findById(id); }
        @Override public void deleteById(String id) { map.deleteById(id); }
        @Override public Map<String, MapSession> findByIndexNameAndIndexValue(String name, String value) { return Map.of(); }
    }
}
