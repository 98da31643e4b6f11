package io.firerisk.campaigns.wanzhou;

import io.firerisk.HazardVerdict;
import io.firerisk.Problem;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.Element;
import io.firerisk.campaign.ElementKind;
import io.firerisk.campaign.HazardType;
import io.firerisk.analysis.Check;
import io.firerisk.analysis.Validator;
import io.firerisk.scenario.Scenario;
import io.firerisk.scenario.ScenarioSuite;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/criteria.md (the index), docs/criteria-&lt;edition&gt;.md for every edition the campaign applies, and the
 * completeness of the GB 35181-2017 encoding, checked against the campaign itself.
 */
class CriteriaDocumentTest {

    static final Campaign CAMPAIGN = Wanzhou.ENGINE.campaign();
    static final ScenarioSuite SCENARIOS = ScenarioSuite.fromFolder(Wanzhou.folder());
    /** The test classes whose {@link Covers} tests the documents list. */
    static final List<Class<?>> COVERING = List.of(Gb35181DeterminationTest.class);
    static final CriteriaDocument DOCUMENT = new CriteriaDocument(CAMPAIGN, CAMPAIGN.standards().stream()
            .filter(s -> s.id().equals("gb35181-2017")).findFirst().orElseThrow(), SCENARIOS, COVERING);

    /** Elements whose wording is only a number test: a finding without the number cannot make them. */
    static final Set<String> NUMBER_ONLY = Set.of("7.2.1", "7.2.2", "7.3.5", "7.3.7");

    @Test
    void criteriaDocumentOfEveryEditionMatchesTheElementsTheCatalogueTheRulesAndTheTests() throws IOException {
        matches("criteria.md", CriteriaDocument.index(CAMPAIGN));
        for (io.firerisk.campaign.Standard edition : CAMPAIGN.standards()) {
            matches(CriteriaDocument.file(edition), new CriteriaDocument(CAMPAIGN, edition, SCENARIOS, COVERING).render());
        }
    }

    private static void matches(String name, String expected) throws IOException {
        Path file = docs().resolve(name);
        if (Boolean.getBoolean("criteria.write")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";

        assertThat(actual).as("docs/%s is out of date; regenerate it with%n  %s", name, CriteriaDocument.REGENERATE)
                .isEqualTo(expected);
    }

    @Test
    void theStandardHasTenDirectAndThirtyNineComprehensiveElements() {
        assertThat(DOCUMENT.elements()).filteredOn(e -> e.kind() == ElementKind.DIRECT).hasSize(10);
        assertThat(DOCUMENT.elements()).filteredOn(e -> e.kind() == ElementKind.COMPREHENSIVE).hasSize(39);
    }

    @Test
    void everyElementHasAHazardCodeAnInspectorCanReportAndARuleThatConcludesIt() {
        for (Element e : DOCUMENT.elements()) {
            assertThat(DOCUMENT.codes(e)).as("hazard codes for %s", e.number()).isNotEmpty();
            assertThat(DOCUMENT.rules(e)).as("rules citing %s", e.clause()).isNotEmpty();
        }
    }

    @Test
    void everyElementHasAScenarioWhereItMakesTheVerdictAndOneWhereItFallsShort() {
        for (Element e : DOCUMENT.elements()) {
            List<Scenario> rows = DOCUMENT.scenarios(e);
            boolean direct = e.kind() == ElementKind.DIRECT;
            assertThat(rows).as("%s: a row where it %s gives SUSPECTED_MAJOR", e.number(),
                    direct ? "alone" : "at its counting threshold").anySatisfy(s -> {
                assertThat(s.expected().verdict()).contains(HazardVerdict.SUSPECTED_MAJOR);
                Set<String> present = s.expected().elements().orElse(Set.of());
                if (direct) {
                    assertThat(present).containsExactly(e.number());
                } else {
                    assertThat(present).contains(e.number()).allSatisfy(x -> assertThat(kind(x)).isEqualTo(ElementKind.COMPREHENSIVE));
                }
            });
            assertThat(rows).as("%s: a row reporting it that does not give SUSPECTED_MAJOR", e.number()).anySatisfy(s -> {
                assertThat(s.expected().verdict()).isPresent().get().isNotEqualTo(HazardVerdict.SUSPECTED_MAJOR);
                assertThat(s.expected().elements()).isPresent();
            });
        }
    }

    @Test
    void codesForAnElementThatIsOnlyANumberTestCarryTheNumber() {
        for (HazardType h : CAMPAIGN.hazards().values()) {
            if (h.elements().stream().anyMatch(NUMBER_ONLY::contains)) {
                assertThat(h.measure()).as("%s (%s:%d) evidences %s", h.code(), h.file(), h.line(), h.elements())
                        .contains(HazardType.MEASURE_RATIO);
            }
        }
    }

    @Test
    void aCodeCitingAnElementsClauseCarriesThatElementsVerificationMark() {
        for (HazardType h : CAMPAIGN.hazards().values()) {
            Optional<Element> cited = CAMPAIGN.elements().values().stream().filter(e -> e.clause().equals(h.clause())).findFirst();
            cited.ifPresent(e -> assertThat(h.verification()).as("%s (%s:%d) cites %s", h.code(), h.file(), h.line(), e.clause())
                    .isEqualTo(e.verification()));
        }
    }

    @Test
    void theBundledCampaignCompilesWithoutWarnings() {
        // The validator reports every Drools warning of the compile as a rules warning.
        assertThat(Validator.validate(Wanzhou.folder()).warnings()).filteredOn(d -> d.check() == Check.RULES)
                .extracting(Object::toString).isEmpty();
    }

    private static ElementKind kind(String number) {
        return CAMPAIGN.elementsNumbered(number).get(0).kind();
    }

    /** The repository's docs folder, whether tests run from the module (Maven) or the root (an IDE). */
    private static Path docs() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.isDirectory(here.resolve("docs")) ? here.resolve("docs") : here.getParent().resolve("docs");
    }
}
