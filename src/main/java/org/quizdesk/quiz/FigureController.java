package org.quizdesk.quiz;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriUtils;

/**
 * Serves figure images from the quizzes folder. A student gets a quiz's prompt figures once it is published and its
 * window has opened (or once they have an attempt on it), and a solution's figures only once that quiz's solutions
 * are released; course staff get every figure.
 */
@Controller
class FigureController {

    private static final String PREFIX = "/figures/";

    private final QuizCatalog catalog;
    private final QuizFigures figures;
    private final QuizStarts starts;
    private final Clock clock;

    FigureController(QuizCatalog catalog, QuizFigures figures, QuizStarts starts, Clock clock) {
        this.catalog = catalog;
        this.figures = figures;
        this.starts = starts;
        this.clock = clock;
    }

    @GetMapping("/figures/**")
    ResponseEntity<Resource> figure(HttpServletRequest request, Authentication signedIn) {
        String path = UriUtils.decode(request.getRequestURI().substring(request.getContextPath().length()), StandardCharsets.UTF_8);
        String relative = path.substring(PREFIX.length());
        Optional<Path> file = figures.file(relative);
        if (file.isEmpty() || !(isStaff(signedIn) || visibleToStudent(relative, signedIn))) {
            return ResponseEntity.notFound().build();
        }
        MediaType type = MediaTypeFactory.getMediaType(file.get().getFileName().toString()).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache().cachePrivate())
                .body(new FileSystemResource(file.get()));
    }

    private boolean visibleToStudent(String relative, Authentication signedIn) {
        Instant now = clock.instant();
        return catalog.all().stream().filter(q -> q.settings().isPublished()).anyMatch(q -> {
            boolean prompt = q.quiz().items().stream()
                    .flatMap(FigureController::promptFigures).anyMatch(f -> relative.equals(f.file()));
            boolean solution = q.settings().isSolutionsReleased() && q.quiz().questions().stream()
                    .flatMap(question -> question.solutionFigures().stream()).anyMatch(f -> relative.equals(f.file()));
            // a prompt figure before the window opens would show next week's exam early
            return solution || prompt && (hasOpened(q.settings(), now) || starts.started(q.id(), signedIn));
        });
    }

    private static boolean hasOpened(QuizSettings settings, Instant now) {
        return settings.getOpensAt() == null || !now.isBefore(settings.getOpensAt());
    }

    private static Stream<Figure> promptFigures(Item item) {
        Stream<Figure> own = item.figures().stream();
        return item instanceof QuestionGroup group
                ? Stream.concat(own, group.parts().stream().flatMap(p -> p.figures().stream()))
                : own;
    }

    private static boolean isStaff(Authentication signedIn) {
        return signedIn != null && signedIn.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_TA") || a.getAuthority().equals("ROLE_INSTRUCTOR"));
    }
}
