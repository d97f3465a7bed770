package org.quizdesk.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param autosaves how many autosaves one node works on at once; more are answered 503 at once
 * @param pages how many other requests of students and visitors (pages, sign-in, other API calls) one node works on
 *     at once; submissions, health probes and static files are never turned away
 * @param staffPages how many staff requests ({@code /admin/**}, {@code /api/admin/**}) one node works on at once: a
 *     bound of their own, so that the control room's polls and a long export never take the students' places
 * @param retryAfter what a turned-away request is told to wait before trying again
 */
@ConfigurationProperties("quizdesk.overload")
public record OverloadProperties(
        @DefaultValue("24") int autosaves,
        @DefaultValue("48") int pages,
        @DefaultValue("8") int staffPages,
        @DefaultValue("2s") Duration retryAfter) {
}
