package org.quizdesk.attempt;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.quizdesk.account.SignedInUser;
import org.quizdesk.attempt.internal.Attempt;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quiz page's JSON API. A save takes the answers shape of QUIZ_FORMAT as its whole body and answers with
 * the server's time and the deadline, which the page's countdown follows.
 */
@RestController
@RequestMapping(path = "/api/attempts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class AttemptApiController {

    private final AttemptService attempts;
    private final AttemptProperties properties;
    private final Clock clock;

    AttemptApiController(AttemptService attempts, AttemptProperties properties, Clock clock) {
        this.attempts = attempts;
        this.properties = properties;
        this.clock = clock;
    }

    @PutMapping(path = "/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> save(@PathVariable long id, HttpServletRequest request, @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        AttemptService.SaveReceipt receipt = attempts.autosave(id, user.accountId(), body(request), AccessRequest.of(request));
        return Map.of("saved", true, "savedAt", receipt.savedAt().toEpochMilli(), "serverNow", clock.millis());
    }

    @PostMapping(path = "/submit", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> submit(@PathVariable long id, HttpServletRequest request, @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        Attempt attempt = attempts.submit(id, user.accountId(), body(request), AccessRequest.of(request));
        return Map.of("submitted", true, "submittedAt", attempt.getSubmittedAt().toEpochMilli(),
                "review", "/attempts/" + id + "/review");
    }

    /** Reads at most the configured size, so an oversized (or endless) body is refused without being buffered. */
    private String body(HttpServletRequest request) throws IOException {
        int max = properties.maxAnswersBytes();
        byte[] bytes = request.getInputStream().readNBytes(max + 1);
        if (bytes.length > max) {
            throw AttemptRefused.tooLarge(max);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @GetMapping("/status")
    Map<String, Object> status(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        Attempt attempt = attempts.find(id, user.accountId()).orElseThrow(AttemptRefused::notFound);
        return Map.of("submitted", attempt.isSubmitted(), "deadline", attempt.getDeadline().toEpochMilli(),
                "serverNow", clock.millis());
    }
}
