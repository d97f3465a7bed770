package org.quizdesk.quiz;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * Serves figure images from the quizzes folder. A student gets the figures of published quizzes' prompts, and a
 * solution's figures only once that quiz's solutions are released; course staff get every figure.
 */
@Controller
class FigureController {

    private static final String PREFIX = "/figures/";

    private final QuizCatalog catalog;
    private final QuizFigures figures;

    FigureController(QuizCatalog catalog, QuizFigures figures) {
        this.catalog = catalog;
        this.figures = figures;
    }

    @GetMapping("/figures/**")
    ResponseEntity<Resource> figure(HttpServletRequest request, Authentication signedIn) {
        String path = UriUtils.decode(request.getRequestURI().substring(request.getContextPath().length()), StandardCharsets.UTF_8);
        String relative = path.substring(PREFIX.length());
        Optional<Path> file = figures.file(relative);
        if (file.isEmpty() || !(isStaff(signedIn) || visibleToStudents(relative))) {
            return ResponseEntity.notFound().build();
        }
        MediaType type = MediaTypeFactory.getMediaType(file.get().getFileName().toString()).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache().cachePrivate())
                .body(new FileSystemResource(file.get()));
    }

    private boolean visibleToStudents(String relative) {
        return catalog.all().stream().filter(q -> q.settings().isPublished()).anyMatch(q -> {
            Stream<Figure> prompts = q.quiz().sections().stream().flatMap(s -> s.items().stream()).flatMap(FigureController::promptFigures);
            Stream<Figure> solutions = q.settings().isSolutionsReleased()
                    ? q.quiz().questions().stream().flatMap(question -> question.solutionFigures().stream())
                    : Stream.empty();
            return Stream.concat(prompts, solutions).anyMatch(f -> relative.equals(f.file()));
        });
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
