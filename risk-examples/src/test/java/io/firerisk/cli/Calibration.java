package io.firerisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firerisk.campaign.Campaign;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints what the campaign makes of the bundled every-code sample and of a realistic one, next to the
 * rates met in practice (docs/calibration.md gives the sources): the share of venues where use of a
 * part must stop, the share graded red, and what drives them. Both samples go through {@code firerisk
 * assess} in this JVM, exactly as a user's file would.
 *
 * <pre>
 * ./mvnw -B -ntp -q package -DskipTests
 * java -cp risk-examples/target/test-classes:risk-examples/target/firerisk.jar io.firerisk.cli.Calibration \
 *      [--count 5000] [--seed 2023]
 * </pre>
 *
 * A tool of the build beside {@link SampleGenerator} (in the test tree, so the {@code firerisk} jar does
 * not ship it), and a measurement, not a test: {@code CalibrationTest} holds the bounds the issue sets on
 * a smaller realistic sample.
 */
public final class Calibration {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Calibration() {}

    /** What one sample gave: counts of venues, by what they were judged. */
    record Figures(int venues, int findings, int withoutFindings, int suspectedMajor, int suspended, int groundHolds,
            Map<String, Integer> grades, Map<String, Integer> grounds) {

        double share(int count) {
            return venues == 0 ? 0 : 100.0 * count / venues;
        }

        int grade(String grade) {
            return grades.getOrDefault(grade, 0);
        }
    }

    /** Generates a sample in {@code dir}, assesses it with the bundled campaign and counts. */
    static Figures measure(SampleGenerator.Mode mode, int count, long seed, Campaign campaign, Path dir) throws IOException {
        Path venues = dir.resolve(mode.name().toLowerCase(Locale.ROOT) + "-" + count + ".jsonl");
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(venues),
                StandardCharsets.UTF_8), 1 << 16)) {
            new SampleGenerator(seed, campaign, mode).write(count, w);
        }
        Path results = dir.resolve(mode.name().toLowerCase(Locale.ROOT) + "-" + count + "-results.jsonl");
        StringWriter err = new StringWriter();
        int exit = Firerisk.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "assess", venues.toString(),
                "--format", "jsonl", "--out", results.toString(), "--rejects", dir.resolve("rejects.csv").toString(),
                "--campaign", campaign.id(), "--no-progress");
        if (exit != 0) {
            throw new IllegalStateException("firerisk assess " + venues + " exited " + exit + ": " + err);
        }
        int findings = 0;
        int without = 0;
        for (String line : Files.readAllLines(venues)) {
            int n = JSON.readTree(line).path("findings").size();
            findings += n;
            without += n == 0 ? 1 : 0;
        }
        int suspected = 0;
        int suspended = 0;
        int ground = 0;
        Map<String, Integer> grades = new TreeMap<>();
        Map<String, Integer> grounds = new TreeMap<>();
        List<String> lines = Files.readAllLines(results);
        for (String line : lines) {
            JsonNode r = JSON.readTree(line);
            grades.merge(r.path("grade").asText(), 1, Integer::sum);
            suspected += r.path("verdict").asText().equals("SUSPECTED_MAJOR") ? 1 : 0;
            suspended += r.path("suspend").asBoolean() ? 1 : 0;
            boolean holds = false;
            for (JsonNode row : r.path("grading").path("likelihoodRows")) {
                holds |= row.path("row").asText().equals("LEGAL_GROUND");
            }
            ground += holds ? 1 : 0;
            r.path("suspendedParts").forEach(p -> grounds.merge(p.path("ground").asText(), 1, Integer::sum));
        }
        return new Figures(lines.size(), findings, without, suspected, suspended, ground, grades, grounds);
    }

    public static void main(String[] args) throws IOException {
        int count = 5000;
        long seed = SampleGenerator.SAMPLE_SEED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: Calibration [--count N] [--seed S]");
                    System.exit(2);
                }
            }
        }
        Campaign campaign = EngineOptions.bundled(EngineOptions.DEFAULT_CAMPAIGN).campaign();
        Path dir = Files.createTempDirectory("firerisk-calibration");
        Map<String, Figures> samples = new LinkedHashMap<>();
        samples.put("every-code (bundled)", measure(SampleGenerator.Mode.EVERY_CODE, SampleGenerator.SAMPLE_COUNT,
                SampleGenerator.SAMPLE_SEED, campaign, dir));
        samples.put("realistic", measure(SampleGenerator.Mode.REALISTIC, count, seed, campaign, dir));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        print(out, campaign, seed, samples);
        try (var files = Files.list(dir)) {
            files.forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.delete(dir);
    }

    static void print(PrintWriter out, Campaign campaign, long seed, Map<String, Figures> samples) {
        out.printf(Locale.ROOT, "campaign %s %s, seed %d%n%n", campaign.id(), campaign.version(), seed);
        out.printf(Locale.ROOT, "%-40s", "");
        samples.keySet().forEach(k -> out.printf(Locale.ROOT, "%22s", k));
        out.printf(Locale.ROOT, "   %s%n", "in practice (docs/calibration.md)");
        row(out, "venues", samples, f -> String.format(Locale.ROOT, "%,d", f.venues()), "");
        row(out, "findings per venue", samples, f -> String.format(Locale.ROOT, "%.2f", (double) f.findings() / f.venues()),
                "1.0-2.4 hazards per unit inspected");
        row(out, "venues without a finding", samples, f -> pct(f, f.withoutFindings()), "");
        row(out, "suspected major fire hazard", samples, f -> pct(f, f.suspectedMajor()),
                "0.1-0.6% of units listed by government");
        row(out, "use of a part stops (suspended)", samples, f -> pct(f, f.suspended()),
                "~2%, at most ~6% sealed or stopped");
        row(out, "a legal ground holds (incl. homes)", samples, f -> pct(f, f.groundHolds()), "");
        for (String grade : List.of("RED", "ORANGE", "YELLOW", "BLUE")) {
            row(out, "grade " + grade, samples, f -> pct(f, f.grade(grade)),
                    grade.equals("RED") ? "a small minority; review above ~10%" : "");
        }
        out.println();
        samples.forEach((name, f) -> out.printf(Locale.ROOT, "suspended parts by ground, %s: %s%n", name, f.grounds()));
    }

    private static String pct(Figures f, int count) {
        return String.format(Locale.ROOT, "%,d  %5.1f%%", count, f.share(count));
    }

    private static void row(PrintWriter out, String label, Map<String, Figures> samples,
            java.util.function.Function<Figures, String> value, String practice) {
        out.printf(Locale.ROOT, "%-40s", label);
        samples.values().forEach(f -> out.printf(Locale.ROOT, "%22s", value.apply(f)));
        out.printf(Locale.ROOT, "   %s%n", practice);
    }
}
