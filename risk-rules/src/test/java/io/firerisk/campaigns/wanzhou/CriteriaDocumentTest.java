package io.firerisk.campaigns.wanzhou;

import io.firerisk.HazardVerdict;
import io.firerisk.Problem;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.Element;
import io.firerisk.campaign.ElementKind;
import io.firerisk.campaign.HazardType;
import io.firerisk.campaign.RuleInfo;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/criteria.md (the index), docs/criteria-&lt;edition&gt;.md for every edition the campaign applies, and the
 * completeness of the GB 35181-2017 encoding, checked against the campaign itself.
 */
class CriteriaDocumentTest {

    static final Campaign CAMPAIGN = Wanzhou.ENGINE.campaign();
    static final ScenarioSuite SCENARIOS = ScenarioSuite.fromFolder(Wanzhou.folder());
    /** The test classes whose {@link Covers} tests the documents list. */
    static final List<Class<?>> COVERING = List.of(Gb35181DeterminationTest.class, Gb35181Edition2025Test.class);
    static final CriteriaDocument DOCUMENT = document("gb35181-2017");
    static final CriteriaDocument DOCUMENT_2025 = document("gb35181-2025");

    private static CriteriaDocument document(String edition) {
        return new CriteriaDocument(CAMPAIGN, CAMPAIGN.standards().stream().filter(s -> s.id().equals(edition)).findFirst()
                .orElseThrow(), SCENARIOS, COVERING);
    }

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

        assertCurrent(name, actual, expected);
    }

    private static void assertCurrent(String name, String actual, String expected) {
        assertThat(actual).as("docs/%s is out of date; regenerate it with%n  %s", name, CriteriaDocument.REGENERATE)
                .isEqualTo(expected);
    }

    @Test
    void aCriteriaDocumentThatStillSaysNoRuleCoversAFamilyElementIsStale() {
        // Given the 2025 document as it was before family rules were followed: 5.2.c with no rule
        String current = DOCUMENT_2025.render();
        String stale = current.replace("| 5.2.c | direct | V | 4 | " + DOCUMENT_2025.rules(element("5.2.c")).size() + " |",
                "| 5.2.c | direct | V | 4 | 0 |");
        assertThat(stale).isNotEqualTo(current);

        // Then the check refuses it and says how to regenerate it
        assertThatThrownBy(() -> assertCurrent("criteria-gb35181-2025.md", stale, current))
                .isInstanceOf(AssertionError.class).hasMessageContaining("out of date")
                .hasMessageContaining(CriteriaDocument.REGENERATE);
    }

    @Test
    void aDirectElementOf2025IsAttributedToTheFamilyRuleOfChapter5AndAConditionToItsOwnRuleAsWell() {
        // Given 5.2 c) (one row of elements.csv, no rule of its own) and A.2.4 (a family member with a rule of its own)
        // Then 5.2 c) is covered by the chapter 5 family rule, over the element table
        assertThat(DOCUMENT_2025.rules(element("5.2.c"))).extracting(RuleInfo::name)
                .containsExactly("4.1 b) 建筑或场所具有第5章所列情形之一");
        // And 5.2 d), which Annex A also makes, by that rule and the rule for A.4's not-running systems
        assertThat(DOCUMENT_2025.rules(element("5.2.d"))).extracting(RuleInfo::name).containsExactlyInAnyOrder(
                "4.1 b) 建筑或场所具有第5章所列情形之一", "4.1 b) 已设置的火灾自动报警系统和固定灭火设施按照附录A判定为不能正常运行");
        // And 6.4.2 by the chapter 6 family rule only
        assertThat(DOCUMENT_2025.rules(element("6.4.2"))).extracting(RuleInfo::name)
                .containsExactly("4.1 c) 建筑或场所具有第6章所列情形");
        // And A.2.4 by the Annex A family rule and its own
        assertThat(DOCUMENT_2025.rules(element("A.2.4"))).extracting(RuleInfo::name).containsExactlyInAnyOrder(
                "附录A A.1～A.3 应设置的系统存在不能正常运行的情形", "A.2.4 气体灭火系统灭火剂净重小于设计储存量的90%");
        // And no 2017 family rule is attributed to a 2025 element, nor the other way round
        assertThat(DOCUMENT.rules(element("7.4.1"))).extracting(RuleInfo::concern).containsOnly("rules.gb35181_2017");
    }

    @Test
    void aScenarioRowCountsForTheEditionInForceOnItsDate() {
        // Given the same KTV with too few exits (a code evidencing 2017 6.5 and 2025 5.2 c) on 2025-10-31 and 2025-11-01
        // Then the row of 2025-10-31 counts for 2017 6.5 and not for 2025 5.2 c)
        assertThat(DOCUMENT.scenarios(element("6.5"))).extracting(Scenario::id)
                .contains("E-ktv-exits-1031").doesNotContain("E-ktv-exits-1101");
        // And the row of 2025-11-01 for 2025 5.2 c) and not for 2017 6.5
        assertThat(DOCUMENT_2025.scenarios(element("5.2.c"))).extracting(Scenario::id)
                .contains("E-ktv-exits-1101").doesNotContain("E-ktv-exits-1031");
        // And no row dated on or after 2025-11-01 is counted for any 2017 element, nor one before for 2025
        for (Element e : DOCUMENT.elements()) {
            assertThat(DOCUMENT.scenarios(e)).as(e.number()).allSatisfy(s -> assertThat(s.facts().assessmentDate())
                    .isBefore(java.time.LocalDate.of(2025, 11, 1)));
        }
        for (Element e : DOCUMENT_2025.elements()) {
            assertThat(DOCUMENT_2025.scenarios(e)).as(e.number()).allSatisfy(s -> assertThat(s.facts().assessmentDate())
                    .isAfterOrEqualTo(java.time.LocalDate.of(2025, 11, 1)));
        }
    }

    @Test
    void theDocumentOf2025NamesTheFamilyRuleUnderEveryElementAndNoElementHasNoRule() {
        String md = DOCUMENT_2025.render();

        assertThat(md).doesNotContain("- Rules: none").contains(
                "- Rules in `standards/gb35181-2025/rules/gb35181_2025/direct-elements.drl`:\n"
                + "  - 4.1 b) 建筑或场所具有第5章所列情形之一 (over `elements.csv`, direct elements at the places they name)\n");
        assertThat(md).doesNotContainPattern("\\| direct \\| [VPU] \\| \\d+ \\| 0 \\|");
    }

    @Test
    void theStandardHasTenDirectAndThirtyNineComprehensiveElements() {
        assertThat(DOCUMENT.elements()).filteredOn(e -> e.kind() == ElementKind.DIRECT).hasSize(10);
        assertThat(DOCUMENT.elements()).filteredOn(e -> e.kind() == ElementKind.COMPREHENSIVE).hasSize(39);
    }

    @Test
    void everyElementHasAHazardCodeAnInspectorCanReportAndARuleThatConcludesIt() {
        for (CriteriaDocument document : List.of(DOCUMENT, DOCUMENT_2025)) {
            for (Element e : document.elements()) {
                // A.4 is concluded from the A.1–A.3 conditions, never reported by itself
                if (!e.number().equals("A.4")) {
                    assertThat(document.codes(e)).as("hazard codes for %s", e.number()).isNotEmpty();
                }
                assertThat(document.rules(e)).as("rules concluding %s", e.clause()).isNotEmpty();
            }
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
    void everyCodeJudgedByANumberSaysWhatTheNumberIs() {
        // The inspector types the number on the desk's form or in the Excel template: "比例" alone does not say a
        // ratio of what (a shortfall, an excess, a share damaged), and the wrong one inverts the verdict.
        for (HazardType h : CAMPAIGN.hazards().values()) {
            if (h.measure().isPresent()) {
                assertThat(h.measureMeaning()).as("%s (%s:%d) is judged by a %s: measure_zh says what it is", h.code(),
                        h.file(), h.line(), h.measure().get()).isPresent();
                assertThat(h.measureMeaning().get().zh()).as(h.code()).contains("÷");
            }
        }
        assertThat(CAMPAIGN.hazards().get("FIRE_COMPARTMENT_OVERSIZED").measureMeaning().orElseThrow().zh())
                .startsWith("超出的面积 ÷ 规定的防火分区建筑面积");
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

    private static Element element(String number) {
        return CAMPAIGN.elementsNumbered(number).get(0);
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
