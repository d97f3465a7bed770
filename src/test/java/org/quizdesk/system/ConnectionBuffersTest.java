package org.quizdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;

/** Tomcat keeps small buffers for each open connection, and requests and responses many times their size pass whole. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quizdesk.connections.read-buffer=1KB", "quizdesk.connections.write-buffer=1KB"})
@ActiveProfiles("test")
class ConnectionBuffersTest {

    @LocalServerPort int port;
    @Autowired WebServerApplicationContext context;

    @Test
    void eachConnectionGetsTheConfiguredBuffers() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("1024");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("1024");
    }

    @Test
    void aRequestAndAResponseLargerThanTheBuffersPassWhole() throws Exception {
        // headers of 5 KB (a browser with many cookies) and a style sheet of 18 KB, on one kept-alive connection
        HttpClient client = HttpClient.newHttpClient();
        byte[] styleSheet = new ClassPathResource("static/css/quizdesk.css").getContentAsByteArray();
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/css/quizdesk.css"))
                    .header("X-Padding", "p".repeat(5_000)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(styleSheet);
        }
    }
}
