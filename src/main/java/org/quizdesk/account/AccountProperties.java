package org.quizdesk.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param instructorUsername the instructor account created on first start
 * @param instructorPassword its password; when blank, one is generated and printed once to the log
 * @param demoStudents demo accounts (student1..student5 and the TA ta1, published password "quizdesk") so a new user
 *        can try a quiz at once; set only by the demo profile. When false, demo accounts of earlier starts are disabled
 * @param lockAfterFailures failed sign-ins in a row that lock an account (or throttle an address)
 * @param lockFor how long such a lock lasts
 */
@ConfigurationProperties("quizdesk.accounts")
public record AccountProperties(
        @DefaultValue("instructor") String instructorUsername,
        String instructorPassword,
        @DefaultValue("false") boolean demoStudents,
        @DefaultValue("5") int lockAfterFailures,
        @DefaultValue("5m") Duration lockFor) {
}
