package org.quizdesk.attempt;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param grace how long after the deadline a save or submit is still taken, for network delay
 * @param autosaveInterval how often the quiz page saves while answers change
 * @param expiryCheckInterval how often the server looks for attempts whose time ran out
 * @param maxAnswersBytes the largest answers body a save accepts
 */
@ConfigurationProperties("quizdesk.attempts")
public record AttemptProperties(
        @DefaultValue("30s") Duration grace,
        @DefaultValue("5s") Duration autosaveInterval,
        @DefaultValue("15s") Duration expiryCheckInterval,
        @DefaultValue("65536") int maxAnswersBytes) {
}
