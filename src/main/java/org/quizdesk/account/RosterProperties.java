package org.quizdesk.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param setupCodeLifetime how long a roster account's one-time password-setup code stays valid
 */
@ConfigurationProperties("quizdesk.roster")
public record RosterProperties(@DefaultValue("14d") Duration setupCodeLifetime) {
}
