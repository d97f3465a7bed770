package org.quizdesk.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records every few seconds that the server is alive, in one database row that every node beats (any node's beat
 * counts), and finds outages from it: a beat that comes long after the one before means no node was serving in
 * between (all of them down, or the database unreachable). The latest outage is kept in the row, so a node that
 * starts later learns it too, and cached here, so the autosave asks nothing extra of the database.
 */
@Component
public class Heartbeat implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final HeartbeatProperties properties;
    private volatile Optional<Outage> lastOutage = Optional.empty();

    Heartbeat(JdbcClient jdbc, Clock clock, HeartbeatProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** The latest outage of the whole server, as of this node's last beat; empty if there never was one. */
    public Optional<Outage> lastOutage() {
        return lastOutage;
    }

    /** The first beat, at start-up: before the scheduled jobs (the expiry job needs the outage) and before readiness. */
    @Override
    public void afterSingletonsInstantiated() {
        beat();
    }

    @Scheduled(fixedRateString = "${quizdesk.heartbeat.interval:5s}", initialDelayString = "${quizdesk.heartbeat.interval:5s}")
    void scheduledBeat() {
        try {
            beat();
        } catch (DataAccessException unreachable) {
            // the gap this leaves becomes an outage at the first beat that reaches the database again
            log.warn("Heartbeat not recorded: {}", unreachable.getMessage());
        }
    }

    /** Records this beat, and an outage first if the last beat of any node is too long ago. */
    public void beat() {
        Instant now = clock.instant();
        Row row = jdbc.sql("select beat_at, outage_from, outage_to from server_heartbeat where id = 1")
                .query(Heartbeat::row).single();
        Optional<Outage> outage = row.outage();
        if (row.beatAt() != null && Duration.between(row.beatAt(), now).compareTo(properties.longestNormalGap()) > 0) {
            // guarded by the beat just read, so of several nodes starting together only one records the outage
            int recorded = jdbc.sql("update server_heartbeat set beat_at = ?, outage_from = ?, outage_to = ? where id = 1 and beat_at = ?")
                    .params(utc(now), utc(row.beatAt()), utc(now), utc(row.beatAt()))
                    .update();
            if (recorded == 1) {
                outage = Optional.of(new Outage(row.beatAt(), now));
                log.warn("The server was down from {} to {} (no heartbeat in between)", row.beatAt(), now);
            }
        }
        // a node whose clock runs behind does not move the beat back
        jdbc.sql("update server_heartbeat set beat_at = ? where id = 1 and (beat_at is null or beat_at < ?)")
                .params(utc(now), utc(now))
                .update();
        lastOutage = outage;
    }

    private static Row row(ResultSet rs, int rowNumber) throws SQLException {
        return new Row(instant(rs, "beat_at"), instant(rs, "outage_from"), instant(rs, "outage_to"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Row(Instant beatAt, Instant outageFrom, Instant outageTo) {

        Optional<Outage> outage() {
            return outageFrom == null || outageTo == null ? Optional.empty() : Optional.of(new Outage(outageFrom, outageTo));
        }
    }
}
