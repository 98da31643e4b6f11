package io.firerisk.ledger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A unit's own work in the ledger (二(三), 二(七), 二(九)): a checklist of the campaign's data filled for one
 * of its venues becomes a self-inspection, and every item found wanting a hazard in the closed loop; its
 * education activities are recorded; an officer acts only for their own unit. On H2 and PostgreSQL.
 */
class UnitWorkTest {

    @Nested
    class OnH2 extends UnitWorkSpec {
        @Override
        TestDatabase database() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends UnitWorkSpec {
        @Override
        TestDatabase database() {
            return TestDatabase.postgres();
        }
    }
}

abstract class UnitWorkSpec {

    TestDatabase db;
    Ledger ledger;
    final World world = new World();

    abstract TestDatabase database();

    @BeforeEach
    void district() {
        db = database();
        ledger = World.open(db);
        world.setUp(ledger);
    }

    @AfterEach
    void close() {
        ledger.close();
        db.close();
    }

    static final Instant DAY = World.at("2023-12-12", 10);

    @Test
    void theChecklistsAreTheCampaignsWithThePlansItems() {
        LedgerPolicy.UnitWork work = ledger.policy().unitWork().orElseThrow();
        assertThat(work.checklists()).extracting(LedgerPolicy.Checklist::id).containsExactly("office", "canteen", "readiness");
        assertThat(work.checklist("canteen").orElseThrow().groups()).extracting(g -> g.label().zh())
                .containsExactly("电气线路", "燃气管道", "消防设施", "疏散通道", "安全管理", "应急预案", "用火、用电、用气");
        assertThat(work.checklist("readiness").orElseThrow().groups()).extracting(g -> g.label().zh())
                .containsExactly("救援队伍", "值班备勤", "器材与物资", "综合演练", "预案修订");
        assertThat(work.education()).extracting(LedgerPolicy.Activity::code)
                .containsExactly("THREE_CLEARS", "FIVE_INTO", "CASE_WARNING");
    }

    @Test
    void aFailedChecklistItemBecomesAHazardOfTheUnitInTheClosedLoop() {
        Map<String, String> failed = new LinkedHashMap<>();
        failed.put("GAS_HOSE_OBSOLETE", "后厨灶台");
        failed.put("FIRE_EXTINGUISHER_INVALID", "");
        ledger.record(ledger.checklistEntries("canteen-0001", World.OTHER_OFFICER, DAY, "canteen", World.CANTEEN, failed,
                "冬季自查"));

        LocalDate day = LocalDate.of(2023, 12, 12);
        InspectionView inspection = ledger.inspections(day, day).get(0);
        assertThat(inspection.kind()).isEqualTo(InspectionKind.SELF_INSPECTION);
        assertThat(inspection.inspectors()).containsExactly(World.OTHER_OFFICER);
        assertThat(inspection.note()).isEqualTo("食堂消防安全自查：冬季自查");
        HazardView hose = ledger.hazard("SI-canteen-0001-GAS_HOSE_OBSOLETE", day).orElseThrow();
        assertThat(hose.state()).isEqualTo(HazardState.OPEN);
        assertThat(hose.inspectionId()).isEqualTo("SI-canteen-0001");
        assertThat(hose.deadline()).isAfter(day);
        List<HazardRow> ofUnit = ledger.hazards(HazardQuery.builder().asOf(day).units("SUB-SANITATION").build()).items();
        assertThat(ofUnit).extracting(HazardRow::hazardId).containsExactlyInAnyOrder(
                "SI-canteen-0001-GAS_HOSE_OBSOLETE", "SI-canteen-0001-FIRE_EXTINGUISHER_INVALID");
    }

    @Test
    void anOfficerFillsChecklistsOnlyForTheirOwnUnitsVenuesAndNothingIsHalfSaved() {
        long before = ledger.eventCount();
        List<Entry> entries = ledger.checklistEntries("canteen-0002", World.OFFICER, DAY, "canteen", World.CANTEEN,
                Map.of("EMERGENCY_PLAN_MISSING", ""), "");
        assertThatThrownBy(() -> ledger.record(entries))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.field()).isEqualTo("actor"));
        assertThat(ledger.eventCount()).isEqualTo(before);
    }

    @Test
    void aChecklistForAnotherKindOfVenueOrAnItemNotOnItIsRefusedNamingWhat() {
        assertThatThrownBy(() -> ledger.checklistEntries("office-0001", World.OTHER_OFFICER, DAY, "office", World.CANTEEN,
                Map.of(), "")).hasMessageStartingWith("venueId: the checklist 'office' is for");
        assertThatThrownBy(() -> ledger.checklistEntries("canteen-0003", World.OTHER_OFFICER, DAY, "canteen",
                World.CANTEEN, Map.of("DRILL_NOT_HELD", ""), "")).hasMessageStartingWith("failed: 'DRILL_NOT_HELD'");
        assertThatThrownBy(() -> ledger.checklistEntries("canteen-0004", World.OTHER_OFFICER, DAY, "garage",
                World.CANTEEN, Map.of(), "")).hasMessageStartingWith("checklist: 'garage'");
    }

    @Test
    void readinessGapsAreRecordedForAnyVenueOfTheUnit() {
        ledger.record(ledger.checklistEntries("ready-0001", World.OTHER_OFFICER, DAY, "readiness", World.CANTEEN,
                Map.of("DRILL_NOT_HELD", "本季度"), ""));
        assertThat(ledger.hazard("SI-ready-0001-DRILL_NOT_HELD", LocalDate.of(2023, 12, 12))).isPresent();
    }

    @Test
    void educationActivitiesAreTheUnitsAndTheCampaigns() {
        ledger.record(Entry.of("edu-1", World.OTHER_OFFICER, DAY, new Event.EducationRecorded("EDU-1", "SUB-SANITATION",
                "THREE_CLEARS", LocalDate.of(2023, 12, 12), 35, "职工宿舍楼三清三关")));
        assertThat(ledger.education("SUB-SANITATION")).singleElement().satisfies(a -> {
            assertThat(a.activity()).isEqualTo("THREE_CLEARS");
            assertThat(a.participants()).isEqualTo(35);
            assertThat(a.recordedBy()).isEqualTo(World.OTHER_OFFICER);
        });
        assertThatThrownBy(() -> ledger.record(Entry.of("edu-2", World.OTHER_OFFICER, DAY, new Event.EducationRecorded(
                "EDU-2", "SUB-SANITATION", "PARTY", LocalDate.of(2023, 12, 12), 3, ""))))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.field()).isEqualTo("event.activity"));
        assertThatThrownBy(() -> ledger.record(Entry.of("edu-3", World.OFFICER, DAY, new Event.EducationRecorded(
                "EDU-3", "SUB-SANITATION", "FIVE_INTO", LocalDate.of(2023, 12, 12), 3, ""))))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.field()).isEqualTo("actor"));
        assertThat(ledger.education("ENT-LAOZHANG")).isEmpty();
        ledger.rebuildProjections();
        assertThat(ledger.education("SUB-SANITATION")).hasSize(1);
    }
}
