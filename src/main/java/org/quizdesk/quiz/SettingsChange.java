package org.quizdesk.quiz;

import java.time.Instant;

/**
 * What staff set on a quiz's settings form, as a whole.
 *
 * @param opensAt null for no opening time
 * @param closesAt null for no closing time
 * @param timeLimitSeconds null for the file's time limit
 * @param graceSeconds null for the application's grace period
 */
public record SettingsChange(boolean published, Instant opensAt, Instant closesAt, Integer timeLimitSeconds,
        Integer graceSeconds) {
}
