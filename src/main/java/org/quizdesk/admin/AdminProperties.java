package org.quizdesk.admin;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the zone in which course staff type dates and times into the settings forms (the course's zone)
 * @param poolMinAttempts the submitted attempts each alternative of a pool needs before the statistics page
 *     compares the alternatives' facility (fewer are too noisy to call a pool unfair)
 */
@ConfigurationProperties("quizdesk.admin")
public record AdminProperties(@DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("" + AdminProperties.POOL_MIN_ATTEMPTS) int poolMinAttempts) {

    static final int POOL_MIN_ATTEMPTS = 20;
}
