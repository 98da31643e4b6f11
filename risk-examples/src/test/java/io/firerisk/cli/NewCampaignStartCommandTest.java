package io.firerisk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code firerisk new-campaign --start}: next season's campaign names the edition of GB 35181 in force on its first
 * day (and any later one) instead of copying a standard's rules.
 */
class NewCampaignStartCommandTest {

    @TempDir
    Path dir;

    private static List<String> standardsOf(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("campaign.yaml"));
        int at = lines.indexOf("standards:");
        assertThat(at).as("campaign.yaml has a standards: list").isNotNegative();
        return lines.subList(at + 1, lines.size()).stream().takeWhile(l -> l.startsWith("  - ")).toList();
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(folder::relativize).toList();
        }
    }

    @Test
    void aCampaignStartingAfterNovember2025AppliesGb35181Of2025OnItsDatesAndCopiesNoStandard() throws IOException {
        Path out = dir.resolve("wanzhou-2026-winter");

        Cli.Run run = Cli.run("new-campaign", "--from", "wanzhou-2023-winter", "--id", "wanzhou-2026-winter",
                "--start", "2026-12-01", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        // 2025 from its first day, open-ended: every date of the new season. The Wanzhou copy still rests on 2017
        // (重要场所 on its 3.6, gas rows on its 7.9.3, the 消防法 第六十条 lists on its codes), so 2017 stays named up to
        // its last day, and the checklist lists each line that rests on it
        assertThat(standardsOf(out)).containsExactly("  - {id: gb35181-2017, from: 2018-07-01, to: 2025-10-31}",
                "  - {id: gb35181-2025, from: 2025-11-01}");
        String checklist = Files.readString(out.resolve("CHECKLIST.md"));
        assertThat(checklist).contains("hazards/tasks-gas.csv:7").contains("rests on an edition no longer in force on 2026-12-01")
                .contains("place-classes.csv:32");
        assertThat(out.resolve("standards")).doesNotExist();
        assertThat(files(out)).noneMatch(p -> p.toString().contains("gb35181") && p.toString().endsWith(".drl"))
                .noneMatch(p -> p.startsWith("standards"));
        // It loads as it is and judges a venue of its season under the 2025 edition
        Path venue = dir.resolve("venue.jsonl");
        Files.writeString(venue, "{\"id\": \"C-1\", \"name\": \"冷库\", \"kind\": \"COLD_STORE\", \"date\": \"2026-12-15\","
                + " \"findings\": [{\"id\": \"F1\", \"code\": \"COLD_STORE_SEPARATION_OR_INSULATION_NONCOMPLIANT\"}]}\n");
        Path results = dir.resolve("out.jsonl");
        Cli.Run assess = Cli.run("assess", venue.toString(), "--campaign-dir", out.toString(), "-f", "jsonl", "-o",
                results.toString());
        assertThat(assess.exit()).as(assess.err()).isZero();
        assertThat(Files.readString(results)).contains("\"standard\":\"GB 35181-2025\"");
    }

    @Test
    void aCampaignStartingBeforeNovember2025NamesGb35181Of2017UpToItsLastDayThen2025() throws IOException {
        Path out = dir.resolve("wanzhou-2024-winter");

        Cli.Run run = Cli.run("new-campaign", "--from", "wanzhou-2023-winter", "--id", "wanzhou-2024-winter",
                "--start", "2024-12-01", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(standardsOf(out)).containsExactly("  - {id: gb35181-2017, from: 2018-07-01, to: 2025-10-31}",
                "  - {id: gb35181-2025, from: 2025-11-01}");
        assertThat(out.resolve("standards")).doesNotExist();
        assertThat(files(out)).noneMatch(p -> p.toString().contains("gb35181") && p.toString().endsWith(".drl"));
    }

    @Test
    void aLocalCampaignStartedFromTheNationalStandingOneLoadsAndNamesTheEditionInForce() throws IOException {
        Path out = dir.resolve("district-2026");

        Cli.Run run = Cli.run("new-campaign", "--from", "national-standing", "--id", "district-2026",
                "--start", "2026-03-01", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(standardsOf(out)).contains("  - {id: gb35181-2025, from: 2025-11-01}");
        assertThat(files(out)).noneMatch(p -> p.startsWith("standards"));
        Cli.Run validate = Cli.run("validate", out.toString());
        assertThat(validate.exit()).as(validate.out() + validate.err()).isZero();
    }
}
