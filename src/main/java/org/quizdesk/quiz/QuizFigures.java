package org.quizdesk.quiz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Finds figure files next to the quiz files. A figure's path is relative to the quizzes folder; one that is
 * not there (yet) has no URL, and pages show its placeholder instead.
 */
@Component
public class QuizFigures {

    private static final Set<String> IMAGE_TYPES = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp");

    private final Path root;

    QuizFigures(QuizProperties properties) {
        this.root = properties.dir().toAbsolutePath().normalize();
    }

    /** The URL of the figure's image, if its file exists. */
    public Optional<String> url(Figure figure) {
        return file(figure.file()).map(path -> "/figures/" + UriUtils.encodePath(root.relativize(path).toString().replace('\\', '/'),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The image file for a relative path, only if it is an image inside the quizzes folder. */
    public Optional<Path> file(String relative) {
        if (relative == null || relative.isBlank()) {
            return Optional.empty();
        }
        Path path = root.resolve(relative).normalize();
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (!path.startsWith(root) || !IMAGE_TYPES.contains(extension) || !Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return Optional.of(path);
    }
}
