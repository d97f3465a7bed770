package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizdesk.testsupport.MutableClock;
import org.quizdesk.testsupport.MutableClockConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Outages found from the heartbeat row: any node's beat counts, and every node learns the outage. */
class HeartbeatTest {

    static final Instant START = MutableClockConfiguration.START;
    static final HeartbeatProperties EVERY_5_SECONDS = new HeartbeatProperties(Duration.ofSeconds(5));

    JdbcClient jdbc;

    @BeforeEach
    void migratedDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:heartbeat-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(h2);
    }

    Heartbeat node(MutableClock clock) {
        return new Heartbeat(jdbc, clock, EVERY_5_SECONDS);
    }

    @Test
    void theFirstStartAndRegularBeatsAreNoOutage() {
        MutableClock clock = new MutableClock(START);
        Heartbeat node = node(clock);
        node.beat();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(i % 2 == 0 ? 5 : 9));
            node.beat();
        }
        assertThat(node.lastOutage()).isEmpty();
    }

    @Test
    void aGapOfMoreThanTwoBeatsIsAnOutageFromTheLastBeatToTheNextAndEveryNodeLearnsIt() {
        MutableClock clock = new MutableClock(START);
        Heartbeat first = node(clock);
        first.beat();
        clock.advance(Duration.ofMinutes(7));
        first.beat();

        Outage outage = new Outage(START, START.plus(Duration.ofMinutes(7)));
        assertThat(first.lastOutage()).contains(outage);
        clock.advance(Duration.ofSeconds(3));
        Heartbeat startedLater = node(clock);
        startedLater.beat();
        assertThat(startedLater.lastOutage()).as("read from the row, not found again").contains(outage);
        clock.advance(Duration.ofSeconds(5));
        first.beat();
        assertThat(first.lastOutage()).contains(outage);
    }

    @Test
    void whileAnyNodeBeatsThereIsNoOutageAndABeatBehindInTimeMovesNothingBack() {
        MutableClock clockA = new MutableClock(START);
        MutableClock clockB = new MutableClock(START.minusSeconds(3));
        Heartbeat a = node(clockA);
        Heartbeat b = node(clockB);
        a.beat();
        for (int i = 0; i < 6; i++) {
            // node A stops beating after the first; node B, three seconds behind, keeps beating
            clockB.advance(Duration.ofSeconds(5));
            b.beat();
        }
        clockA.set(START.plusSeconds(30));
        a.beat();

        assertThat(a.lastOutage()).isEmpty();
        assertThat(b.lastOutage()).isEmpty();
        clockB.set(START);
        b.beat();
        assertThat(jdbc.sql("select beat_at from server_heartbeat").query(OffsetDateTime.class).single().toInstant())
                .isEqualTo(START.plusSeconds(30));
    }
}
