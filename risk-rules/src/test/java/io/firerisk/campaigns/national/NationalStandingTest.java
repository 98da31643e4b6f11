package io.firerisk.campaigns.national;

import io.firerisk.Assessment;
import io.firerisk.Finding;
import io.firerisk.HazardVerdict;
import io.firerisk.RiskEngine;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.analysis.ValidationReport;
import io.firerisk.analysis.Validator;
import io.firerisk.campaign.Clause;
import io.firerisk.campaign.Standard;
import io.firerisk.scenario.Scenario;
import io.firerisk.scenario.ScenarioResult;
import io.firerisk.scenario.ScenarioSuite;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled {@code national-standing} campaign: the law and the national standards alone, for a user with no local
 * plan. Every assessment applies the edition of GB 35181 in force on its date and names it; no verdict is claimed
 * final where a person decides.
 */
class NationalStandingTest {

    static final String ID = "national-standing";
    static final RiskEngine ENGINE = RiskEngine.builder().campaign(ID).build();

    static Path folder() {
        try {
            return Path.of(NationalStandingTest.class.getResource("/campaigns/" + ID + "/campaign.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Venue ktv() {
        return Venue.builder("KTV-1", "ENTERTAINMENT").name("星光KTV").heightMeters(12.0).floors(3).occupantCapacity(200).build();
    }

    static Assessment assess(Venue venue, LocalDate date, Finding... findings) {
        return ENGINE.assess(VenueFacts.of(venue, List.of(findings), date));
    }

    @Test
    void aVenueDatedThisWinterIsJudgedUnderGb35181Of2025AndOneDatedBeforeNovember2025Under2017() {
        // Given a KTV with too few exits, a direct element of both editions
        Finding exits = Finding.of("F1", "EXITS_TOO_FEW");

        // When it is assessed on 2026-01-15 and on 2024-05-01
        Assessment now = assess(ktv(), LocalDate.of(2026, 1, 15), exits);
        Assessment then = assess(ktv(), LocalDate.of(2024, 5, 1), exits);

        // Then each names the edition in force on its date, with that edition's element
        assertThat(now.determination().standard()).isEqualTo("GB 35181-2025");
        assertThat(now.determination().directElements()).containsExactly("5.2.c");
        assertThat(then.determination().standard()).isEqualTo("GB 35181-2017");
        assertThat(then.determination().directElements()).containsExactly("6.5");
        assertThat(now.determination().verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
    }

    @Test
    void aSuspectedMajorHazardUnder2025IsACandidateForTheCollectiveDecisionTheLawRequiresNotAFinalVerdict() {
        Assessment a = assess(ktv(), LocalDate.of(2026, 1, 15), Finding.of("F1", "EXITS_TOO_FEW"));

        // The reminder is the campaign's setting, citing 消防监督检查规定 第二十一条, never GB 35181-2025
        assertThat(a.determination().reminder().zh()).contains("集体研究确定").contains("不是判定结论")
                .endsWith("（消防监督检查规定 第二十一条）").doesNotContain("GB 35181-2025");
        assertThat(a.actionCodes()).contains("COLLECTIVE_DETERMINATION");
        assertThat(a.actions("COLLECTIVE_DETERMINATION")).allSatisfy(r -> assertThat(r.clauses())
                .extracting(io.firerisk.ClauseRef::id).contains("消防监督检查规定 第二十一条")
                .noneMatch(c -> c.startsWith("GB 35181-2025")));
    }

    @Test
    void stoppingUseOfAnotherUnitsPremisesIsAskedOfTheFireAndRescueAuthorityWhichDecides() {
        Assessment a = assess(ktv(), LocalDate.of(2026, 1, 15), Finding.of("F1", "EXITS_TOO_FEW").toBuilder()
                .area("二楼").build());

        assertThat(a.suspension().parts()).singleElement().satisfies(p -> {
            assertThat(p.ground().code()).isEqualTo("NO_SAFE_EVACUATION");
            assertThat(p.actor().zh()).contains("提请消防救援机构依法决定").contains("由其决定");
        });
    }

    @Test
    void combustibleDecorationInAMallIsPutToTheAuthorityForReviewAndNeverStopsUseOnAnAssumedSeverity() {
        Venue mall = Venue.builder("MALL-1", "MALL").name("滨江商场").heightMeters(18.0).floors(4).occupantCapacity(5000).build();

        Assessment a = assess(mall, LocalDate.of(2026, 1, 15), Finding.of("F1", "COMBUSTIBLE_DECORATION"));

        assertThat(a.suspensionRequired()).isFalse();
        assertThat(a.actionCodes()).contains("CONSIDER_SEALING").doesNotContain("SUSPEND_USE");
        assertThat(a.citedClauses()).contains("消防监督检查规定 第二十二条(四)");
    }

    @Test
    void aSuspectedMajorHazardInAHighRiseHotelIsPutToTheAuthorityOnceSayingItsConsequenceClassIsAnAssumption() {
        // Given a 40 m hotel (in several severity rows at S4 and above) with no fire alarm: suspected major, no legal ground
        Venue hotel = Venue.builder("HOTEL-1", "HOTEL").name("滨江宾馆").heightMeters(40.0).floors(12)
                .occupantCapacity(200).sleepingOnSite(true).build();

        Assessment a = assess(hotel, LocalDate.of(2026, 1, 15), Finding.of("F1", "FIRE_ALARM_NOT_INSTALLED"));

        // Then the 第二十二条(五) request is made once, and it says its S threshold is this campaign's assumption
        assertThat(a.actions("CONSIDER_SEALING")).singleElement().satisfies(c -> {
            assertThat(c.clauses()).extracting(io.firerisk.ClauseRef::id).containsExactly("消防监督检查规定 第二十二条(五)");
            assertThat(c.details()).extracting(io.firerisk.Text::zh)
                    .containsExactly("第二十二条第一款第（五）项：疑似重大火灾隐患，后果等级不低于S4（方案假定，非法定标准）");
        });
        assertThat(a.reasons()).filteredOn(r -> r.clause().id().equals("消防监督检查规定 第二十二条(五)"))
                .singleElement().satisfies(r -> assertThat(r.sentence().zh()).contains("后果等级及该阈值为本方案假定")
                        .doesNotContain("S4，不低于S4").doesNotContain("S5"));
    }

    @Test
    void itHoldsNoLocalPlanNoLocalClassificationAndNoKeyPeriod() throws Exception {
        var campaign = ENGINE.campaign();

        assertThat(campaign.standards()).extracting(Standard::id).containsExactly("gb35181-2017", "gb35181-2025");
        assertThat(campaign.calendar().keyPeriods()).isEmpty();
        assertThat(campaign.placeClassRules()).noneMatch(r -> r.source().equals(io.firerisk.campaign.PlaceClassRule.CAMPAIGN));
        // Every clause its own rules and tables cite is the law's or a standard's, except its one standing phase
        assertThat(campaign.clauses().values()).filteredOn(Clause::campaignOnly)
                .extracting(Clause::id).containsExactly("国家法律法规和标准 常态");
        // Standards are named, not copied
        assertThat(folder().resolve("standards")).doesNotExist();
        assertThat(Files.readString(folder().resolve("campaign.yaml"))).doesNotContain("万州");
    }

    @Test
    void itLoadsWithoutErrorsAndItsRulesArePrecompiledInTheJar() {
        ValidationReport report = Validator.validate(folder());

        assertThat(report.errors()).isEmpty();
        assertThat(folder().resolve(io.firerisk.analysis.CampaignPrecompiler.OUTPUT)).exists();
    }

    @Test
    void itRunsItsOwnTablesAndTheStandardsSharedTablesButNotThoseWrittenAgainstAnotherCampaign() {
        List<String> files = ScenarioSuite.fromBundled(ID).scenarios().stream().map(Scenario::file).distinct().toList();

        assertThat(files).contains("scenarios/national-standing.csv",
                "standards/gb35181-2025/scenarios/gb35181-2025.csv", "standards/gb35181-2025/scenarios/gb35181-2025-direct.csv")
                .noneMatch(f -> f.contains("/wanzhou-2023-winter/"));
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioRowThatRunsWithTheCampaignHolds() {
        List<Scenario> all = ScenarioSuite.fromBundled(ID).scenarios();
        return all.stream().map(s -> DynamicTest.dynamicTest(s.id() + " " + s.description() + " [" + s.file() + ":"
                + s.line() + "]", () -> {
            ScenarioResult result = ScenarioSuite.run(ENGINE, s);
            assertThat(result.mismatches()).as("%s %s; rules fired: %s", s.where(), s.description(),
                    result.assessment().map(x -> x.firedRules().toString()).orElse("none")).isEmpty();
        }));
    }

    @Test
    void bothEditionsElementsAreAvailableByEditionWithTheirOwnTexts() {
        var campaign = ENGINE.campaign();

        // 2017 numbers its direct elements 6.1–6.10; 2025 numbers its comprehensive groups 6.1–6.6 (6.5: 电气)
        assertThat(campaign.element("gb35181-2017", "6.5")).get().satisfies(e -> {
            assertThat(e.label().zh()).startsWith("公共娱乐场所、商店、地下人员密集场所安全出口数量不足");
            assertThat(e.clause()).isEqualTo("GB 35181-2017 6.5");
        });
        assertThat(campaign.element("gb35181-2025", "6.5.1")).get().satisfies(e -> {
            assertThat(e.label().zh()).isEqualTo("建筑的消防用电负荷等级不符合消防技术标准的规定");
            assertThat(e.clause()).isEqualTo("GB 35181-2025 6.5.1");
        });
        assertThat(campaign.element("gb35181-2025", "6.5")).isEmpty();
        assertThat(campaign.elementOn("6.5", LocalDate.of(2024, 5, 1))).isPresent();
        assertThat(campaign.elementOn("6.5", LocalDate.of(2026, 1, 15))).isEmpty();
        assertThat(campaign.elementOn("5.1.h", LocalDate.of(2026, 1, 15))).get().extracting(e -> e.label().zh())
                .asString().startsWith("冷库");
        assertThat(campaign.elements().keySet()).extracting(io.firerisk.campaign.Element.Key::standard)
                .containsOnly("gb35181-2017", "gb35181-2025");
    }

    @Test
    void aCopyNamingAnUnknownEditionOrTwoOverlappingEditionsIsRefusedAtItsLineOfCampaignYaml(
            @org.junit.jupiter.api.io.TempDir Path temp) {
        // Given copies of the campaign, one naming an edition no folder holds, one running 2017 past 2025's first day
        var unknown = io.firerisk.testing.CampaignFixture.copyOfFolder(folder(), temp.resolve("unknown"))
                .replace("campaign.yaml", "{id: gb35181-2025, from", "{id: gb35181-2052, from");
        var overlapping = io.firerisk.testing.CampaignFixture.copyOfFolder(folder(), temp.resolve("overlapping"))
                .replace("campaign.yaml", "to: 2025-10-31}", "to: 2025-12-31}");

        // When each is loaded, then it is refused at the line of campaign.yaml that names the edition
        assertThat(problems(unknown.folder())).anySatisfy(p -> assertThat(p).startsWith("campaign.yaml:23:")
                .contains("unknown standard 'gb35181-2052'"));
        assertThat(problems(overlapping.folder())).anySatisfy(p -> assertThat(p).startsWith("campaign.yaml:23:")
                .contains("gb35181-2025 (from 2025-11-01) overlaps gb35181-2017"));
    }

    private static List<String> problems(Path folder) {
        io.firerisk.CampaignException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.firerisk.CampaignException.class, () -> RiskEngine.builder().campaignDirectory(folder).build());
        assertThat(e).as("loading %s fails", folder).isNotNull();
        return e.problems().stream().map(Object::toString).toList();
    }
}
