package org.quizdesk.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The buffers Tomcat gives each open connection, idle ones too: every browser with a quiz open keeps its connection
 * between autosaves, so a class of 10,000 holds 10,000 of each (Tomcat's default of 8 KB each took 160 MB of a
 * 512 MB heap). A request or response larger than a buffer is read or written in several pieces.
 *
 * @param readBuffer each connection's read buffer: a browser's request, headers and all, is mostly under 2 KB
 * @param writeBuffer each connection's write buffer: a page is written in pieces of this size
 */
@ConfigurationProperties("quizdesk.connections")
public record ConnectionProperties(
        @DefaultValue("2KB") DataSize readBuffer,
        @DefaultValue("4KB") DataSize writeBuffer) {
}
