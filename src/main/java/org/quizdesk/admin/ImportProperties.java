package org.quizdesk.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxUploadSize the largest file an instructor may upload to import (Moodle XML, GIFT, a QTI zip); it waits in
 *        their session between the preview and the confirmation, so it is kept well below the command line's 20 MB.
 *        Spring's multipart limit ({@code spring.servlet.multipart.max-file-size}) must be larger, so that a file
 *        over this one gets the import's message rather than a refused request
 */
@ConfigurationProperties("quizdesk.imports")
public record ImportProperties(@DefaultValue("10MB") DataSize maxUploadSize) {
}
