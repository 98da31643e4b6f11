package io.firerisk.campaigns.wanzhou;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load test's {@code ClassCastException: RuleTerminalNodeLeftTuple cannot be cast to
 * TruthMaintenanceSystemInternalMatch}: Drools 10 finds its truth maintenance (drools-tms) through
 * {@link java.util.ServiceLoader} on the context class loader of whichever thread first needs each of its parts,
 * and keeps what it found for the life of the JVM. In the packaged desk the common fork-join pool's threads cannot
 * see drools-tms, so a replay's parallel stream that came first left every later {@code insertLogical} failing.
 * Run in a JVM of its own ({@link PackagedServerThreadsProbe}), because that choice is made once per JVM.
 */
class PackagedServerThreadsTest {

    @Test
    void coldEngineFirstUsedFromParallelStreamsOfThePackagedDeskAssessesEveryVenueFromEveryThread() throws Exception {
        // Given a fresh JVM whose first assessments come from fork-join threads that cannot see the engine's libraries
        // When it assesses from them, then from 32 request threads and a replay at once
        String output = probe();

        // Then no assessment failed
        assertThat(output).contains("failed 0");
    }

    @Test
    void engineWhoseSessionsWereFirstMadeOnARequestThreadStillTruthMaintainsMatchesMadeOnTheDesksPoolThreads()
            throws Exception {
        // Given a fresh JVM where Drools' session parts were first needed on a thread that sees them, and the engine's
        // first rule matches are made on fork-join threads that do not (the load test's ClassCastException)
        // When it assesses from them, then from 32 request threads and a replay at once
        String output = probe("sessions-first");

        // Then no assessment failed
        assertThat(output).contains("failed 0");
    }

    private static String probe(String... args) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(javaBin.toString(), "-cp",
                System.getProperty("java.class.path"), PackagedServerThreadsProbe.class.getName()));
        command.addAll(List.of(args));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        // a guard against a hang only, not a speed target
        assertThat(probe.waitFor(20, TimeUnit.MINUTES)).as("probe finished").isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        return output;
    }
}
