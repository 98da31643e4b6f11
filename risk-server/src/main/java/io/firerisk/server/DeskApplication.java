package io.firerisk.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The campaign desk: the ledger and the engine in a browser, for the bureau, its units, inspectors and
 * leaders. {@code java -jar firerisk-desk.jar --spring.profiles.active=demo} starts it on a throw-away
 * embedded database holding the demo campaign.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeskApplication.class, args);
    }
}
