package org.quizdesk.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param instructorUsername the instructor account created on first start
 * @param instructorPassword its password; when blank, one is generated and printed once to the log
 * @param demoStudents demo accounts (student1..student5 and the TA ta1, published password "quizdesk") so a new user
 *        can try a quiz at once; set only by the demo profile. When false, demo accounts of earlier starts are disabled
 * @param lockAfterFailures failed sign-ins for one net id from one device (or one address) within {@code lockFor}
 *        after which that source waits; an address, and a net id tried from unknown devices, get four times as many
 * @param lockFor the window in which failures are counted; a source that used up its tries waits until it ends
 * @param passwordChecks password checks (BCrypt, CPU-bound) that may run at once; 0 means one per processor
 * @param passwordCheckWait how long a sign-in may wait for a free check; one that cannot expect a check within it (the
 *        sign-ins ahead of it times how long checks take now) is answered 503 at once, one that waited it in vain then
 * @param trustedDeviceFor how long a browser that signed in stays a trusted device for that net id (its cookie's lifetime)
 */
@ConfigurationProperties("quizdesk.accounts")
public record AccountProperties(
        @DefaultValue("instructor") String instructorUsername,
        String instructorPassword,
        @DefaultValue("false") boolean demoStudents,
        @DefaultValue("5") int lockAfterFailures,
        @DefaultValue("5m") Duration lockFor,
        @DefaultValue("0") int passwordChecks,
        @DefaultValue("1s") Duration passwordCheckWait,
        @DefaultValue("180d") Duration trustedDeviceFor) {

    /** The number of password checks that may run at once. */
    int passwordCheckSlots() {
        return passwordChecks > 0 ? passwordChecks : Runtime.getRuntime().availableProcessors();
    }
}
