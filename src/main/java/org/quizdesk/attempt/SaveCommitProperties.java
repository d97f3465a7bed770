package org.quizdesk.attempt;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How saves share commits ({@link SaveCommits}).
 *
 * @param queue how many saves may wait for a commit on one node; a save beyond that is answered 503 with
 *     {@code Retry-After} at once (the page keeps its answers and sends them again)
 * @param batch the most saves one commit holds
 * @param gather how long a commit's first save may wait for others to join it: on the embedded database every commit
 *     writes a new piece of its file, with the B-tree's inner pages again, so a commit of one or two saves costs
 *     nearly what one of twenty does
 * @param commitWait how long a save waits for its commit; a save still waiting then is answered 503 and, if it was not yet
 *     written, never is
 */
@ConfigurationProperties("quizdesk.attempts.save-commits")
public record SaveCommitProperties(
        @DefaultValue("2000") int queue,
        @DefaultValue("200") int batch,
        @DefaultValue("5ms") Duration gather,
        @DefaultValue("5s") Duration commitWait) {
}
