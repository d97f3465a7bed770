package org.quizdesk.attempt;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How submissions share commits ({@link SubmitCommits}).
 *
 * @param queue how many submissions may wait for a commit on one node; a submission beyond that waits for room up to
 *     the commit wait
 * @param writers how many threads claim, grade and commit at once, each its own batch
 * @param batch the most submissions one commit claims and grades
 * @param commitWait how long a submission waits for room in the queue, and then for its commit; a submission still
 *     waiting then is answered 503 with {@code Retry-After} (the page sends it again) and, if it was not yet claimed,
 *     never is
 */
@ConfigurationProperties("quizdesk.attempts.submit-commits")
public record SubmitCommitProperties(
        @DefaultValue("1000") int queue,
        @DefaultValue("4") int writers,
        @DefaultValue("100") int batch,
        @DefaultValue("5s") Duration commitWait) {
}
