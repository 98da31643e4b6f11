package io.firerisk.server;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The desk as the demo starts it (the demo campaign in a throw-away H2 database, opening on
 * 2024-02-05), on a random port, with MockMvc besides. Every test class wears this one annotation
 * and nothing else that changes the context, so Spring builds the application once for the whole
 * suite: starting it (and generating the demo) is the slow part.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = DeskApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
public @interface DeskTest {
}
