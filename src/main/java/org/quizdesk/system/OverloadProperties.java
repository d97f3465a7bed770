package org.quizdesk.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param autosaves how many autosaves one node works on at once; more are answered 503 at once
 * @param pages how many other requests (pages, sign-in, staff pages, other API calls) one node works on at once;
 *     submissions, health probes and static files are never turned away
 * @param retryAfter what a turned-away request is told to wait before trying again
 */
@ConfigurationProperties("quizdesk.overload")
public record OverloadProperties(
        @DefaultValue("24") int autosaves,
        @DefaultValue("48") int pages,
        @DefaultValue("2s") Duration retryAfter) {
}
