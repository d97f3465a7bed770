package org.quizdesk.attempt;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param grace how long after the deadline a save or submit is still taken, for network delay
 * @param autosaveInterval how often the quiz page saves while answers change
 * @param expiryCheckInterval how often the server looks for attempts whose time ran out
 * @param maxAnswersBytes the largest answers body a save accepts
 * @param outageWindow how long after a server outage an attempt whose deadline (or grace) fell in it still takes
 *     its final answers, and how long the expiry job waits before submitting it
 * @param autosavesPerSecond how many autosaves one attempt may make per second (a burst of as many, then that
 *     rate); more are answered 429. Counted in each node's memory.
 * @param accessCodeTries how many access codes one student may try on one quiz in {@code accessCodeWindow}, so
 *     that a code cannot be guessed; counted in each node's memory
 * @param accessCodeWindow the window of {@code accessCodeTries}
 * @param livePollInterval how often the quiz page asks for the proctor's changes (a 304 while there are none)
 *     when no autosave's answer has brought them; with the room cache's few seconds, a change reaches every page
 *     within ten seconds
 */
@ConfigurationProperties("quizdesk.attempts")
public record AttemptProperties(
        @DefaultValue("30s") Duration grace,
        @DefaultValue("5s") Duration autosaveInterval,
        @DefaultValue("15s") Duration expiryCheckInterval,
        @DefaultValue("65536") int maxAnswersBytes,
        @DefaultValue("2m") Duration outageWindow,
        @DefaultValue("2") int autosavesPerSecond,
        @DefaultValue("5") int accessCodeTries,
        @DefaultValue("1m") Duration accessCodeWindow,
        @DefaultValue("6s") Duration livePollInterval) {
}
