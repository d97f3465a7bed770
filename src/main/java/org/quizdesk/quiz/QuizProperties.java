package org.quizdesk.quiz;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir the folder of quiz files, synced into the database at start-up
 */
@ConfigurationProperties("quizdesk.quizzes")
public record QuizProperties(@DefaultValue("quizzes") Path dir) {
}
