package io.firerisk.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The program as a whole: help on every command, versions. */
class FireriskCommandTest {

    @Test
    void everyCommandAnswersHelpWithItsUsageAndExitsZero() {
        List<String> commands = new CommandLine(new Firerisk()).getSubcommands().keySet().stream()
                .filter(name -> !name.equals("help")).toList();
        assertThat(commands).contains("assess", "explain", "plan-inspections");

        for (String command : commands) {
            Cli.Run run = Cli.run(command, "--help");
            assertThat(run.exit()).as(command + " --help").isZero();
            assertThat(run.out()).as(command + " --help").contains("Usage: firerisk " + command)
                    .contains("-h, --help").contains("-V, --version");
        }
        assertThat(Cli.run("--help").out()).startsWith("Usage: firerisk").contains("assess").contains("explain")
                .contains("plan-inspections");
    }

    @Test
    void theExitCodesAreDocumentedInTheHelp() {
        assertThat(Cli.run("assess", "--help").out()).contains("Exit codes:").contains("3   some records were rejected");
    }

    @Test
    void versionPrintsTheLibraryAndTheBundledCampaignVersions() {
        Cli.Run run = Cli.run("--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsPattern("firerisk \\S+")
                .containsPattern("library io\\.firerisk:risk-core \\S+")
                .contains("bundled campaign wanzhou-2023-winter 1.0.0 (万州城管发〔2023〕114号, GB 35181-2017, GB 35181-2025)");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli.Run run = Cli.run("asses");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("asses");
    }
}
