package io.firerisk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of DeskLoad's error accounting (review-trend): a request that gets no answer at all (the desk closed the
 * connection, the desk is gone, the five-minute timeout) must count as an error, not end the browser silently.
 */
class DeskLoadRunTest {

    private HttpServer desk;

    @AfterEach
    void stop() {
        if (desk != null) {
            desk.stop(0);
        }
    }

    @Test
    void aBrowsersRequestThatGetsNoAnswerIsCountedAsAnError() throws Exception {
        // Given a desk whose login and hazard ledger answer, but which drops the connection on every dashboard and
        // venue page without answering (what a desk that died or a request that timed out looks like to the client)
        desk = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        desk.createContext("/login", x -> {
            if (x.getRequestMethod().equals("POST")) {
                x.getRequestHeaders();
                x.getResponseHeaders().add("Location", "/");
                x.sendResponseHeaders(302, -1);
                x.close();
            } else {
                answer(x, "<input type=\"hidden\" name=\"_csrf\" value=\"t0k3n\">");
            }
        });
        desk.createContext("/hazards", x -> answer(x, "<a href=\"/venues/V1\">V1</a> <a href=\"/venues/V2\">V2</a>"));
        desk.createContext("/", x -> {
            try {
                Thread.sleep(300); // after the run has begun measuring
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close(); // no status line: the client's send throws IOException
        });
        desk.start();
        Constructor<DeskLoad> make = DeskLoad.class.getDeclaredConstructor(String.class);
        make.setAccessible(true);
        DeskLoad load = make.newInstance("http://127.0.0.1:" + desk.getAddress().getPort());

        // When one bureau browser loads it for the shortest run (no warm-up, nobody recording)
        int failed = load.run(1, List.of(), 0, Duration.ofSeconds(1), Duration.ZERO, 10, 10, "FIRE_EXTINGUISHER_INVALID");

        // Then the requests that got no answer are counted as errors (the run exits with 1), not lost with the thread
        assertThat(failed).as("errors DeskLoad.run reports").isPositive();
    }

    @Test
    void aRecorderWhoseLoginIsRefusedIsCountedAsAnErrorEvenDuringTheWarmUp() throws Exception {
        // Given a desk that lets bureau staff in but refuses the recorders' account (a password changed, locked)
        desk = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        desk.createContext("/login", x -> {
            if (x.getRequestMethod().equals("POST")) {
                String form = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                x.getResponseHeaders().add("Location", form.contains(DeskLoad.RECORDER) ? "/login?error" : "/");
                x.sendResponseHeaders(302, -1);
                x.close();
            } else {
                answer(x, "<input type=\"hidden\" name=\"_csrf\" value=\"t0k3n\">");
            }
        });
        desk.createContext("/hazards", x -> answer(x, "<a href=\"/venues/V1\">V1</a>"));
        desk.start();
        Constructor<DeskLoad> make = DeskLoad.class.getDeclaredConstructor(String.class);
        make.setAccessible(true);
        DeskLoad load = make.newInstance("http://127.0.0.1:" + desk.getAddress().getPort());

        // When one recorder (nobody browsing) runs with the usual warm-up before the measured time
        int failed = load.run(0, List.of(), 1, Duration.ofSeconds(1), Duration.ofSeconds(1), 10, 10,
                "FIRE_EXTINGUISHER_INVALID");

        // Then the run says it failed: a recorder that never recorded is not a run without errors
        assertThat(failed).as("errors DeskLoad.run reports").isPositive();
    }

    private static void answer(HttpExchange x, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        x.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
