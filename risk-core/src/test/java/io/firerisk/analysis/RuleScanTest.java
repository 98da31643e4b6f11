package io.firerisk.analysis;

import io.firerisk.internal.CampaignFiles;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Which literals of a rule file the validator reads as references into the campaign's tables, and where. */
class RuleScanTest {

    static RuleScan scan(String drl) {
        return RuleScan.of(CampaignFiles.of("test", Map.of("rules/core/x.drl", drl)));
    }

    @Test
    void everyFormOfComparisonIsAReferenceWithItsPosition() {
        RuleScan scan = scan("""
                package rules.core;
                import io.firerisk.rules.*;
                rule "r" @clause("C") @zh("z") @en("e")
                when
                    $v : VenueProfile("HALL" == kind || kind not in ("SHED", "FLATS"), placeClasses contains "CROWDED")
                    exists HazardFinding(venueId == $v.venueId, code != "CLUTTER", category == "WIRING")
                    $d : CalendarDay(alertLevel == "RAISED")
                    accumulate(ElementPresent(venueId == $v.venueId, element == "C.1"); $n : count(1))
                then
                    // ActionRequired.forVenue($v, "IN_A_COMMENT") is not code
                    insertLogical(ActionRequired.forVenue($v, "REVIEW").withinDays(3));
                    insertLogical(new Exclusion($v.venueId(), "OUT_OF_USE"));
                end
                """);

        assertThat(scan.refs()).extracting(RuleScan.Ref::kind, RuleScan.Ref::value, RuleScan.Ref::positive,
                RuleScan.Ref::line, RuleScan.Ref::column).containsExactlyInAnyOrder(
                tuple(RuleScan.Kind.VENUE_KIND, "HALL", true, 5, 23),
                tuple(RuleScan.Kind.VENUE_KIND, "SHED", false, 5, 54),
                tuple(RuleScan.Kind.VENUE_KIND, "FLATS", false, 5, 62),
                tuple(RuleScan.Kind.PLACE_CLASS, "CROWDED", true, 5, 94),
                tuple(RuleScan.Kind.HAZARD, "CLUTTER", false, 6, 57),
                tuple(RuleScan.Kind.CATEGORY, "WIRING", true, 6, 80),
                tuple(RuleScan.Kind.ALERT_LEVEL, "RAISED", true, 7, 36),
                tuple(RuleScan.Kind.ELEMENT, "C.1", true, 8, 65),
                tuple(RuleScan.Kind.ACTION, "REVIEW", true, 11, 47),
                tuple(RuleScan.Kind.EXCLUSION, "OUT_OF_USE", true, 12, 47));
        assertThat(scan.rules()).singleElement().satisfies(r -> {
            assertThat(r.clause()).isEqualTo("C");
            assertThat(r.genericFinding()).isTrue();
            assertThat(r.categoryFilters()).containsExactly("WIRING");
        });
    }

    @Test
    void aFindingPatternNamingItsCodeIsNotGenericAndAComputedElementIsSeen() {
        RuleScan scan = scan("""
                package rules.core;
                import io.firerisk.rules.*;
                rule "named" @clause("C") @zh("z") @en("e")
                when
                    $f : HazardFinding(code in ("A", "B"), open)
                then
                    insertLogical(ElementPresent.comprehensive($f, "7.3.6"));
                end
                rule "generic" @clause("C") @zh("z") @en("e")
                when
                    $f : HazardFinding(evidencesElement, open)
                then
                    insertLogical(ElementPresent.comprehensive($f, $f.elements().iterator().next()));
                end
                """);

        assertThat(scan.rules()).extracting(RuleScan.ScannedRule::name, RuleScan.ScannedRule::genericFinding,
                RuleScan.ScannedRule::computedElement).containsExactly(tuple("named", false, false), tuple("generic", true, true));
        assertThat(scan.rules().get(0).concludedElements()).containsExactly("7.3.6");
    }

    @Test
    void aFileThatDoesNotParseIsSetAsideWithItsErrors() {
        RuleScan scan = scan("package rules.core;\nrule \"x\" when\n    $f : HazardFinding(\nthen end\n");

        assertThat(scan.unparsed()).containsExactly("rules/core/x.drl");
        assertThat(scan.parseErrors()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("rules/core/x.drl"));
        assertThat(scan.rules()).isEmpty();
    }
}
