package org.quizdesk.system;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Tomcat's per-connection buffers ({@link ConnectionProperties}), which Spring Boot has no property for. */
@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

    /** Below this a request line alone would take many reads. */
    private static final DataSize SMALLEST = DataSize.ofBytes(512);

    @Bean
    TomcatConnectorCustomizer connectionBuffers(ConnectionProperties properties) {
        return connector -> {
            set(connector, "socket.appReadBufSize", "quizdesk.connections.read-buffer", properties.readBuffer());
            set(connector, "socket.appWriteBufSize", "quizdesk.connections.write-buffer", properties.writeBuffer());
        };
    }

    private static void set(Connector connector, String tomcatName, String ourName, DataSize size) {
        if (size.compareTo(SMALLEST) < 0) {
            throw new IllegalArgumentException(ourName + " is " + size.toBytes() + " bytes; it must be at least " + SMALLEST.toBytes());
        }
        if (!connector.setProperty(tomcatName, Long.toString(size.toBytes()))) {
            throw new IllegalStateException("Tomcat's connector does not take " + tomcatName);
        }
    }
}
