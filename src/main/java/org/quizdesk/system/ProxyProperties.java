package org.quizdesk.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trusted the proxies (addresses or CIDR ranges, e.g. {@code 172.16.0.0/12}) whose {@code X-Forwarded-For}
 *        and {@code X-Forwarded-Proto} are believed; empty (the default): the headers are ignored from everyone
 */
@ConfigurationProperties("quizdesk.proxies")
public record ProxyProperties(@DefaultValue List<String> trusted) {
}
