package io.firerisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.RuleInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

    /**
     * The folders of the standard editions the campaign applies on none of the sample's inspection dates: the
     * sample is the campaign's own winter, so an edition that came into force later (GB 35181-2025) has no venue
     * in it. Its codes and rules are exercised by its scenario tables and tests instead.
     */
    private static List<String> editionsNotInForceOnTheSample(Campaign campaign) throws IOException {
        List<java.time.LocalDate> dates = venues().stream().map(v -> java.time.LocalDate.parse(v.get("date").asText())).toList();
        return campaign.standards().stream().filter(s -> dates.stream().noneMatch(s::inForceOn))
                .map(s -> "standards/" + s.id() + "/").toList();
    }

    private static boolean inAny(String file, List<String> folders) {
        return folders.stream().anyMatch(file::startsWith);
    }

    @Test
    void theSampleIsTheCampaignsWinterJudgedUnderTheEditionInForceThenAndNoLaterOne() throws IOException {
        Campaign campaign = EngineOptions.bundled(EngineOptions.DEFAULT_CAMPAIGN).campaign();

        assertThat(editionsNotInForceOnTheSample(campaign)).containsExactly("standards/gb35181-2025/");
    }

    @Test
    void everyHazardCodeOfTheCampaignAppearsInTheSample() throws IOException {
        // Given the campaign's hazard catalogue, but for codes only an edition in force after the sample defines
        Campaign campaign = EngineOptions.bundled(EngineOptions.DEFAULT_CAMPAIGN).campaign();
        List<String> later = editionsNotInForceOnTheSample(campaign);
        // (a code both editions define is catalogued at the later edition's row, yet it is a 2017 element too)
        Set<String> inForce = codesOf("/standards/gb35181-2017/hazards/gb35181-direct.csv",
                "/standards/gb35181-2017/hazards/gb35181-comprehensive.csv");
        Set<String> catalogue = new TreeSet<>();
        campaign.hazards().values().stream().filter(h -> !inAny(h.file(), later) || inForce.contains(h.code()))
                .forEach(h -> catalogue.add(h.code()));

        // When listing the codes the generator can write and those the sample holds
        Set<String> used = new HashSet<>();
        venues().forEach(v -> v.get("findings").forEach(f -> used.add(f.get("code").asText())));

        // Then both are that whole catalogue (a new code needs a template in SampleGenerator)
        assertThat(catalogue).hasSizeGreaterThan(100);
        assertThat(SampleGenerator.templateCodes()).as("codes without a template").containsAll(catalogue);
        assertThat(used).containsExactlyInAnyOrderElementsOf(catalogue);
    }

    /** The codes (first column) of catalogue files on the class path, comment and header lines aside. */
    private static Set<String> codesOf(String... resources) throws IOException {
        Set<String> codes = new TreeSet<>();
        for (String resource : resources) {
            try (var in = BundledSampleTest.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                    if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("code,")) {
                        codes.add(line.substring(0, line.indexOf(',')));
                    }
                }
            }
        }
        assertThat(codes).as("codes of " + String.join(", ", resources)).hasSizeGreaterThan(40);
        return codes;
    }

    /** The sample assessed as each record's own date, with every rule fired: result by venue id. */
    private Map<String, JsonNode> assessedWithReasons() throws IOException {
        Path out = dir.resolve("sample.jsonl");
        Cli.Run run = Cli.run("assess", "-f", "jsonl", "--reasons", "-o", out.toString(), "--rejects",
                dir.resolve("r.csv").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, JsonNode> results = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode r = JSON.readTree(line);
            results.put(r.get("venueId").asText(), r);
        }
        return results;
    }

    private static Set<String> actionCodes(JsonNode result) {
        Set<String> codes = new HashSet<>();
        result.get("actions").forEach(a -> codes.add(a.get("code").asText()));
        return codes;
    }

    private static boolean has(JsonNode venue, String code, String status) {
        for (JsonNode f : venue.get("findings")) {
            if (f.get("code").asText().equals(code) && f.path("status").asText("OPEN").equals(status)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void assessingTheSampleGivesItsKnownFigures() {
        // Given the bundled sample, each venue as of its own inspection date
        // When assessing it
        Cli.Run run = Cli.run("assess", "-f", "csv", "-o", dir.resolve("sample.csv").toString(), "--rejects",
                dir.resolve("r.csv").toString());

        // Then the summary is the one checked by hand when the sample was last generated
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("200 assessed, 0 rejected; BLUE 31  YELLOW 54  ORANGE 92  RED 23; "
                + "22 suspected major, 20 to suspend");
    }

    @Test
    void assessingTheSampleFiresRulesOfEveryConcernOfTheCampaign() throws IOException {
        // Given the campaign's rule files: GB 35181 as in force on the sample's dates, the nine tasks, key periods, grading
        Campaign campaign = EngineOptions.bundled(EngineOptions.DEFAULT_CAMPAIGN).campaign();
        List<String> later = editionsNotInForceOnTheSample(campaign);
        Map<String, String> fileOfRule = new HashMap<>();
        Set<String> files = new TreeSet<>();
        for (RuleInfo rule : campaign.rules()) {
            fileOfRule.put(rule.name(), rule.file());
            if (!inAny(rule.file(), later)) {
                files.add(rule.file());
            }
        }

        // When assessing the sample with every rule's reasons
        Set<String> fired = new TreeSet<>();
        for (JsonNode r : assessedWithReasons().values()) {
            r.get("reasons").forEach(reason -> fired.add(fileOfRule.get(reason.get("rule").asText())));
        }

        // Then every rule file has rules that fire on some venue
        assertThat(fired).containsAll(files);
    }

    @Test
    void assessingTheSampleExercisesEveryTaskOfTheCampaign() throws IOException {
        Map<String, JsonNode> results = assessedWithReasons();
        List<JsonNode> venues = venues();
        assertThat(results).hasSize(200);
        Set<String> grades = new HashSet<>();
        results.values().forEach(r -> grades.add(r.get("grade").asText()));
        assertThat(grades).containsExactlyInAnyOrder("RED", "ORANGE", "YELLOW", "BLUE");

        // 二(一), GB 35181: suspected major hazards by a direct element, and by the count of comprehensive ones alone
        assertThat(results.values()).anySatisfy(r -> assertThat(r.get("directElements")).isNotEmpty());
        assertThat(results.values()).anySatisfy(r -> {
            assertThat(r.get("verdict").asText()).isEqualTo("SUSPECTED_MAJOR");
            assertThat(r.get("directElements")).isEmpty();
            assertThat(r.get("thresholds").toString()).contains("\"reached\":true");
            assertThat(actionCodes(r)).contains("FIVE_IN_PLACE", "COLLECTIVE_DETERMINATION");
        });
        // 二(二): suspension
        assertThat(results.values()).anySatisfy(r -> assertThat(r.get("suspend").asBoolean()).isTrue());
        // 二(三): self-inspection of offices and canteens
        assertThat(results.values()).filteredOn(r -> actionCodes(r).contains("SELF_INSPECT"))
                .extracting(r -> r.get("kind").asText()).contains("OFFICE", "GOVERNMENT_OFFICE", "CANTEEN");
        // 二(四): a canteen or restaurant with bottled gas below ground stops using it and keeps a gas issue list
        assertThat(venues).filteredOn(v -> List.of("CANTEEN", "RESTAURANT").contains(v.get("kind").asText())
                        && (has(v, "LPG_CYLINDER_UNDERGROUND", "OPEN") || has(v, "LPG_APPLIANCE_UNDERGROUND", "OPEN")))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(actionCodes(results.get(v.get("id").asText())))
                        .contains("STOP_GAS_USE", "GAS_ISSUE_LIST"));
        // 二(五): e-bikes in a high-rise block's common areas are cleared at once, the life passage with them:
        // what the rectification of the finding says, not actions of their own
        assertThat(venues).filteredOn(v -> v.get("kind").asText().equals("RESIDENTIAL") && v.get("heightMeters").asDouble() > 27
                        && (has(v, "EBIKE_PARKED_IN_COMMON_AREA", "OPEN") || has(v, "EBIKE_CHARGING_IN_COMMON_AREA", "OPEN")))
                .isNotEmpty()
                .allSatisfy(v -> {
                    JsonNode r = results.get(v.get("id").asText());
                    assertThat(actionCodes(r)).contains("RECTIFY", "RESIDENT_EDUCATION");
                    assertThat(r.get("actions").toString()).contains("立即清离电动自行车", "高层建筑生命通道：立即清理疏通");
                    assertThat(r.get("grade").asText()).isIn("ORANGE", "RED");
                });
        // 二(五), 二(六): locked exits are ordered corrected; an e-bike refusal is fined
        assertThat(venues).anySatisfy(v -> {
            assertThat(has(v, "EXIT_LOCKED_OR_BLOCKED", "OPEN")).isTrue();
            assertThat(actionCodes(results.get(v.get("id").asText()))).contains("ORDER_TO_CORRECT");
        });
        assertThat(results.values()).anySatisfy(r -> assertThat(r.get("reasons").toString())
                .contains("高层民用建筑公共区域停放、充电电动自行车，拒不改正的，处罚款"));
        // 二(六): re-inspection of what is reported rectified, closing what is verified, escalating what is overdue
        assertThat(results.values()).anySatisfy(r -> assertThat(actionCodes(r)).contains("RE_INSPECT"));
        assertThat(results.values()).anySatisfy(r -> assertThat(actionCodes(r)).contains("CLOSE_OUT"));
        assertThat(results.values()).anySatisfy(r -> {
            assertThat(r.get("findings").toString()).contains("\"overdue\":true");
            assertThat(actionCodes(r)).contains("ESCALATE");
        });
        // 二(七): 三清三关; 二(九): readiness gaps due by the campaign's end
        assertThat(results.values()).anySatisfy(r -> assertThat(actionCodes(r)).contains("THREE_CLEARS_THREE_OFFS"));
        assertThat(results.values()).anySatisfy(r -> assertThat(r.get("reasons").toString()).contains("组织开展综合演练"));
        // 二(八): key periods, with early warnings before them and joint inspections during them
        assertThat(results.values()).extracting(r -> r.get("keyPeriod").asText())
                .contains("NEW_YEAR", "SPRING_FESTIVAL", "LANTERN_FESTIVAL", "TWO_SESSIONS");
        assertThat(results.values()).anySatisfy(r -> assertThat(actionCodes(r)).contains("EARLY_WARNING_NOTICE"));
        assertThat(results.values()).anySatisfy(r -> assertThat(actionCodes(r)).contains("JOINT_INSPECTION"));
        // a venue out of use is not judged a major hazard even with a direct element (GB 35181-2017 5.1.3 b)
        assertThat(venues).anySatisfy(v -> assertThat(v.path("status").asText()).isIn("SUSPENDED", "CLOSED"));
    }
}
