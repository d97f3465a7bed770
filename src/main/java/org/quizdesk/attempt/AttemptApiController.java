package org.quizdesk.attempt;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.quizdesk.account.SignedInUser;
import org.quizdesk.attempt.internal.Attempt;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.WebRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quiz page's JSON API. A save takes the answers shape of QUIZ_FORMAT as its whole body and answers with
 * the server's time and the deadline, which the page's countdown follows. A save's answer and the live poll carry
 * what the proctor changed (deadline, pause, announcements) once the page's room stamp ({@value #LIVE_STAMP}) is old.
 */
@RestController
@RequestMapping(path = "/api/attempts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class AttemptApiController {

    /** The room stamp the page has seen, sent with each autosave. */
    static final String LIVE_STAMP = "X-Quizdesk-Live";

    private final AttemptService attempts;
    private final AttemptLive live;
    private final AttemptProperties properties;
    private final Clock clock;

    AttemptApiController(AttemptService attempts, AttemptLive live, AttemptProperties properties, Clock clock) {
        this.attempts = attempts;
        this.live = live;
        this.properties = properties;
        this.clock = clock;
    }

    @PutMapping(path = "/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> save(@PathVariable long id, HttpServletRequest request, @AuthenticationPrincipal SignedInUser user,
            @RequestHeader(name = LIVE_STAMP, required = false) Long seen) throws IOException {
        AttemptService.SaveReceipt receipt = attempts.autosave(id, user.accountId(), body(request), AccessRequest.of(request));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("saved", true);
        answer.put("savedAt", receipt.savedAt().toEpochMilli());
        answer.put("serverNow", clock.millis());
        answer.put("live", live.forSave(id, user.accountId(), seen));
        return answer;
    }

    /**
     * The live poll of a page whose student is not typing: 304 while the quiz's room stamp is the page's ETag (no
     * query: the attempt's facts and the room are cached), else the whole live state with the new ETag.
     */
    @GetMapping("/live")
    Map<String, Object> live(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, WebRequest request) {
        if (request.checkNotModified("\"" + live.stamp(id, user.accountId()) + "\"")) {
            return null;
        }
        return live.state(id, user.accountId());
    }

    @PostMapping(path = "/submit", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> submit(@PathVariable long id, HttpServletRequest request, @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        Attempt attempt = attempts.submit(id, user.accountId(), body(request), AccessRequest.of(request));
        return Map.of("submitted", true, "submittedAt", attempt.getSubmittedAt().toEpochMilli(),
                "review", "/attempts/" + id + "/review");
    }

    /**
     * Reads at most the configured size, so an oversized (or endless) body is refused without being buffered. A body
     * of a declared length (as the page sends it) is read into an array of that length, not into the limit's buffers.
     */
    private String body(HttpServletRequest request) throws IOException {
        int max = properties.maxAnswersBytes();
        int declared = request.getContentLength();
        if (declared > max) {
            throw AttemptRefused.tooLarge(max);
        }
        byte[] bytes = request.getInputStream().readNBytes(declared >= 0 ? declared : max + 1);
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
