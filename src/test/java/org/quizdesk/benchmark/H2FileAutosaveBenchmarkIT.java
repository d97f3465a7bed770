package org.quizdesk.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default as users run it: H2 in file mode, every commit written before it is acknowledged. */
class H2FileAutosaveBenchmarkIT extends AutosaveBenchmarkIT {

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("quizdesk-bench");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("quizdesk") + ";WRITE_DELAY=0");
    }

    @Override
    String database() {
        return "H2 file mode, WRITE_DELAY=0";
    }
}
