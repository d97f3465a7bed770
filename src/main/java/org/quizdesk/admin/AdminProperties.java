package org.quizdesk.admin;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeZone the zone in which course staff type dates and times into the settings forms (the course's zone)
 */
@ConfigurationProperties("quizdesk.admin")
public record AdminProperties(@DefaultValue("UTC") ZoneId timeZone) {
}
