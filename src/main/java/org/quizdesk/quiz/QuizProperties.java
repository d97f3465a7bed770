package org.quizdesk.quiz;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir the folder of quiz files, synced into the database at start-up, on a change and on "Sync now"
 * @param publishNew whether a quiz file seen for the first time is published at once; off, so that a file dropped
 *        into the folder ahead of time (next week's exam) stays hidden until an instructor publishes it. Meant for
 *        demos and tests only. Quizzes already in the database keep their settings either way.
 * @param watch whether a change to a quiz file in {@code dir} syncs the folder at once, without a restart
 * @param watchQuietPeriod how long the folder must be quiet after a change before it is synced (an editor's save is
 *        often several writes)
 */
@ConfigurationProperties("quizdesk.quizzes")
public record QuizProperties(@DefaultValue("quizzes") Path dir, @DefaultValue("false") boolean publishNew,
        @DefaultValue("true") boolean watch, @DefaultValue("1s") Duration watchQuietPeriod) {
}
