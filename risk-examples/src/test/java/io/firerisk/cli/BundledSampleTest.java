package io.firerisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firerisk.campaign.Campaign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled sample: what the generator writes, the venues the issue asks for, and a real workout for the rules. */
class BundledSampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String bundled() throws IOException {
        try (InputStream in = BundledSampleTest.class.getClassLoader().getResourceAsStream(InputOptions.SAMPLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<JsonNode> venues() throws IOException {
        List<JsonNode> venues = new ArrayList<>();
        for (String line : bundled().split("\n")) {
            venues.add(JSON.readTree(line));
        }
        return venues;
    }

    @Test
    void theBundledSampleIsExactlyWhatTheGeneratorWrites() throws IOException {
        // Given the campaign this build bundles
        Campaign campaign = EngineOptions.bundled(EngineOptions.DEFAULT_CAMPAIGN).campaign();

        // When the generator writes the sample with its seed
        SampleGenerator generator = new SampleGenerator(SampleGenerator.SAMPLE_SEED, campaign);
        StringWriter out = new StringWriter();
        generator.write(SampleGenerator.SAMPLE_COUNT, out);

        // Then it is the bundled file, byte for byte (regenerate with the command in SampleGenerator's javadoc),
        // and no template was left out for a code or kind the campaign lacks
        assertThat(out.toString()).isEqualTo(bundled());
        assertThat(generator.skipped()).isEmpty();
    }

    @Test
    void theSampleHoldsTheVenuesOfAWanzhouOffice() throws IOException {
        List<JsonNode> venues = venues();

        assertThat(venues).hasSize(200);
        assertThat(venues).allSatisfy(v -> assertThat(SampleGenerator.STREETS).contains(v.get("street").asText()));
        Set<String> kinds = new HashSet<>();
        venues.forEach(v -> kinds.add(v.get("kind").asText()));
        assertThat(kinds).contains("OFFICE", "GOVERNMENT_OFFICE", "CANTEEN", "RESTAURANT", "MARKET", "HOTEL", "RESIDENTIAL",
                "KINDERGARTEN", "FUEL_STATION", "WAREHOUSE");
        assertThat(venues).filteredOn(v -> v.get("kind").asText().equals("RESTAURANT")
                && v.get("gas").asText().equals("LPG_CYLINDER")).hasSizeGreaterThan(10);
        assertThat(venues).filteredOn(v -> v.get("kind").asText().equals("RESIDENTIAL") && v.get("heightMeters").asDouble() > 27)
                .as("high-rise residential").hasSizeGreaterThan(10);
        assertThat(venues).filteredOn(v -> v.get("kind").asText().equals("RESIDENTIAL") && v.get("floors").asInt() <= 7)
                .as("old residential blocks").hasSizeGreaterThan(10);
        assertThat(venues).filteredOn(v -> v.get("kind").asText().equals("KINDERGARTEN")).hasSize(1);
    }

    @Test
    void everyHazardTheGeneratorKnowsAppearsInTheSample() throws IOException {
        Set<String> used = new HashSet<>();
        venues().forEach(v -> v.get("findings").forEach(f -> used.add(f.get("code").asText())));

        Campaign campaign = EngineOptions.bundled(EngineOptions.DEFAULT_CAMPAIGN).campaign();
        Set<String> templated = new HashSet<>(SampleGenerator.templateCodes());
        templated.retainAll(campaign.hazards().keySet());
        assertThat(used).containsAll(templated);
    }

    @Test
    void assessingTheSampleExercisesGradesSuspensionsMajorHazardsKeyPeriodsAndTheClosedLoop() throws IOException {
        Path out = dir.resolve("sample.jsonl");

        Cli.Run run = Cli.run("assess", "-f", "jsonl", "-o", out.toString(), "--rejects", dir.resolve("r.csv").toString());

        assertThat(run.exit()).isZero();
        List<JsonNode> results = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            results.add(JSON.readTree(line));
        }
        assertThat(results).hasSize(200);
        Set<String> grades = new HashSet<>();
        results.forEach(r -> grades.add(r.get("grade").asText()));
        assertThat(grades).contains("RED", "YELLOW", "BLUE");
        assertThat(results).anySatisfy(r -> assertThat(r.get("directElements")).isNotEmpty());
        assertThat(results).anySatisfy(r -> assertThat(r.get("suspend").asBoolean()).isTrue());
        assertThat(results).anySatisfy(r -> assertThat(r.get("keyPeriod").asText()).isNotEmpty());
        assertThat(results).anySatisfy(r -> assertThat(r.get("findings").toString()).contains("\"overdue\":true"));
        assertThat(results).anySatisfy(r -> assertThat(r.get("findings").toString()).contains("\"status\":\"RECTIFIED\""));
        assertThat(results).anySatisfy(r -> assertThat(r.get("actions").toString()).contains("FIVE_IN_PLACE"));
        // a venue out of use is not judged a major hazard even with a direct element (GB 35181-2017 5.1.3 b)
        assertThat(venues()).anySatisfy(v -> assertThat(v.path("status").asText()).isIn("SUSPENDED", "CLOSED"));
    }
}
