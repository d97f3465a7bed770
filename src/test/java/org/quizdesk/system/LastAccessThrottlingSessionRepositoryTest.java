package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

class LastAccessThrottlingSessionRepositoryTest {

    private final MapSessionRepository stored = new MapSessionRepository(new ConcurrentHashMap<>());
    private final AtomicInteger writes = new AtomicInteger();
    private final LastAccessThrottlingSessionRepository<MapSession> sessions =
            new LastAccessThrottlingSessionRepository<>(new Indexed(stored, writes), Duration.ofMinutes(1));

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

    @Test
    void aSessionTheRequestDidNotChangeIsNotWrittenAgain() {
        Instant start = Instant.now().minusSeconds(120);
        String id = saved(start);

        var session = sessions.findById(id);
        session.getAttribute("answer");
        session.setLastAccessedTime(start.plusSeconds(59));
        sessions.save(session);

        assertThat(writes).hasValue(0);
    }

    @Test
    void aNewSessionIsWrittenEvenWithNothingSetAndOnlyOnce() {
        var session = sessions.createSession();
        sessions.save(session);
        sessions.save(session);

        assertThat(writes).hasValue(1);
        assertThat(stored.findById(session.getId())).isNotNull();
    }

    @Test
    void everyKindOfChangeIsWritten() {
        String id = saved(Instant.now().minusSeconds(120));
        List<Consumer<Session>> changes = List.of(
                session -> session.setAttribute("answer", "kept"),
                session -> session.removeAttribute("answer"),
                session -> session.setMaxInactiveInterval(Duration.ofHours(2)),
                session -> session.setLastAccessedTime(Instant.now()));
        for (Consumer<Session> change : changes) {
            var session = sessions.findById(id);
            change.accept(session);
            sessions.save(session);
            sessions.forgetSaved();
        }

        assertThat(writes).hasValue(changes.size());
        assertThat(stored.findById(id).getMaxInactiveInterval()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aReadOfTheSessionJustSavedGetsTheSavedOneUntilTheDispatchEnds() {
        String id = saved(Instant.now());
        String other = saved(Instant.now());
        var session = sessions.findById(id);
        session.setAttribute("answer", "kept");
        sessions.save(session);
        stored.deleteById(id);

        // Spring Session's read right after its save: the saved session, not a query
        assertThat(sessions.findById(id)).isSameAs(session);
        assertThat(sessions.findById(other)).isNotNull().isNotSameAs(session);

        // the dispatch has ended: the next read asks the store, which another node may have changed
        sessions.forgetSaved();
        assertThat(sessions.findById(id)).isNull();
    }

    @Test
    void aSessionDeletedAfterItsSaveIsNotGivenBack() {
        var session = sessions.createSession();
        sessions.save(session);
        sessions.deleteById(session.getId());

        assertThat(sessions.findById(session.getId())).isNull();
    }

    private String saved(Instant lastAccess) {
        MapSession session = stored.createSession();
        session.setLastAccessedTime(lastAccess);
        stored.save(session);
        return session.getId();
    }

    /** A map repository with the index interface the application's JDBC one has, counting its writes. */
    private record Indexed(MapSessionRepository map, AtomicInteger writes) implements FindByIndexNameSessionRepository<MapSession> {
        @Override public MapSession createSession() { return map.createSession(); }
        @Override public void save(MapSession session) { writes.incrementAndGet(); map.save(session); }
        @Override public MapSession findById(String id) { return map.findById(id); }
        @Override public void deleteById(String id) { map.deleteById(id); }
        @Override public Map<String, MapSession> findByIndexNameAndIndexValue(String name, String value) { return Map.of(); }
    }
}
