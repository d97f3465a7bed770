package org.quizdesk;

import org.quizdesk.cli.StaffCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QuizdeskApplication {

    public static void main(String[] args) {
        if (StaffCommandLine.handles(args)) {
            // staff commands answer at once, without the web server
            System.exit(new StaffCommandLine(System.out, System.err).run(args));
        }
        SpringApplication.run(QuizdeskApplication.class, args);
    }
}
