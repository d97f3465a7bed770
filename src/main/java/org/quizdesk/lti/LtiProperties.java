package org.quizdesk.lti;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * LTI 1.3 tool settings ({@code quizdesk.lti.*}); platforms themselves are registered on {@code /admin/lti}.
 *
 * @param loginValidFor how long after the login initiation its launch may arrive (state and nonce expire then)
 * @param clockSkew how far a platform's clock may be off for {@code exp} and {@code iat}
 * @param retiredKeyPublishedFor how long a rotated-out tool key stays in the key set, so that tokens signed just before
 *        a rotation still verify at the platform
 * @param keySetCacheFor how long a platform's key set is cached (a token with an unknown {@code kid} refetches it sooner)
 * @param fetchTimeout connect and read timeout of every call to a platform
 * @param passbackInterval how often due scores are sent to the platforms (AGS)
 * @param passbackTries how many times a score is tried before it is marked failed (staff can send it again)
 * @param passbackRetryFirstAfter the wait after the first failed try; it doubles with each further one
 * @param passbackRetryAtMostAfter the longest wait between tries
 * @param handoffValidFor how long the "open in a new tab" button of a launch inside the LMS's frame works (once)
 * @param deepLinkTicketValidFor how long the quiz picker of a deep-linking launch inside the LMS's frame works (one
 *        pick): long enough to read the list, short enough that a copied page is soon useless
 */
@ConfigurationProperties("quizdesk.lti")
public record LtiProperties(
        @DefaultValue("5m") Duration loginValidFor,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("1d") Duration retiredKeyPublishedFor,
        @DefaultValue("10m") Duration keySetCacheFor,
        @DefaultValue("5s") Duration fetchTimeout,
        @DefaultValue("30s") Duration passbackInterval,
        @DefaultValue("8") int passbackTries,
        @DefaultValue("1m") Duration passbackRetryFirstAfter,
        @DefaultValue("1h") Duration passbackRetryAtMostAfter,
        @DefaultValue("2m") Duration handoffValidFor,
        @DefaultValue("10m") Duration deepLinkTicketValidFor) {
}
