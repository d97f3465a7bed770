package org.quizdesk.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param interval how often each node records that it is alive; a gap of more than two intervals between any
 *     node's beats is an outage
 */
@ConfigurationProperties("quizdesk.heartbeat")
public record HeartbeatProperties(@DefaultValue("5s") Duration interval) {

    /** The longest gap between beats that is not an outage: one late beat is load, not an outage. */
    Duration longestNormalGap() {
        return interval.multipliedBy(2);
    }
}
