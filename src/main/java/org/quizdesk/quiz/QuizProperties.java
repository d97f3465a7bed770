package org.quizdesk.quiz;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir the folder of quiz files, synced into the database at start-up
 * @param publishNew whether a quiz file seen for the first time is published at once; off, so that a file dropped
 *        into the folder ahead of time (next week's exam) stays hidden until an instructor publishes it. Meant for
 *        demos and tests only. Quizzes already in the database keep their settings either way.
 */
@ConfigurationProperties("quizdesk.quizzes")
public record QuizProperties(@DefaultValue("quizzes") Path dir, @DefaultValue("false") boolean publishNew) {
}
