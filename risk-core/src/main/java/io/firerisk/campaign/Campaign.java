package io.firerisk.campaign;

import io.firerisk.Label;
import io.firerisk.RiskGrade;
import io.firerisk.Text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded campaign: what its files say, read-only. Obtain it from
 * {@link io.firerisk.RiskEngine#campaign()}; the engine builds it from a campaign folder.
 *
 * @param id                    campaign id, such as {@code wanzhou-2023-winter}
 * @param version               campaign version; every assessment names it
 * @param title                 the plan's title
 * @param authority             the issuing authority
 * @param document              the plan's document number, such as 万州城管发〔2023〕114号
 * @param issued                the date the plan was issued
 * @param standard              the hazard standard edition it applies, such as GB 35181-2017
 * @param timeZone              the zone in which "today" is reckoned
 * @param source                where it was loaded from (a folder, or {@code classpath:campaigns/<id>})
 * @param determinationReminder what the standard requires before a suspected major hazard is final
 * @param clauses               the clause table, by id
 * @param elements              the standard's determination elements, by number
 * @param categories            hazard categories, by code
 * @param hazards               the hazard catalogue, by code
 * @param venueKinds            venue kinds, by code
 * @param placeClasses          place classes, by code
 * @param placeClassWhenNone    the class of a venue in no other class (其他场所)
 * @param placeClassRules       which venue kinds belong to which place classes
 * @param exclusions            the exclusion codes rules may record, with their labels
 * @param countingRows          the comprehensive-determination counting rows
 * @param actions               the action table, by code
 * @param highRise              the high-rise definition
 * @param calendar              phases, key periods and alert levels
 * @param accidentModel         the potential-accident estimate's parameters
 * @param defaultGrade          the grade of a venue no grade rule raised
 * @param rectifyWithinDays     the longest rectification period allowed at each grade
 * @param gradeFloors           named grades rules put venues at (such as {@code suspected-major: RED})
 * @param parameters            named numbers the rules read (thresholds, effect sizes)
 * @param rules                 the compiled rules
 */
public record Campaign(
        String id,
        String version,
        Text title,
        Text authority,
        String document,
        LocalDate issued,
        String standard,
        ZoneId timeZone,
        String source,
        Text determinationReminder,
        Map<String, Clause> clauses,
        Map<String, Element> elements,
        Map<String, Text> categories,
        Map<String, HazardType> hazards,
        Map<String, VenueKind> venueKinds,
        Map<String, Text> placeClasses,
        String placeClassWhenNone,
        List<PlaceClassRule> placeClassRules,
        Map<String, Text> exclusions,
        List<CountingRow> countingRows,
        Map<String, ActionType> actions,
        HighRiseRule highRise,
        CampaignCalendar calendar,
        AccidentModel accidentModel,
        RiskGrade defaultGrade,
        Map<RiskGrade, Integer> rectifyWithinDays,
        Map<String, RiskGrade> gradeFloors,
        Map<String, Double> parameters,
        List<RuleInfo> rules) {

    public Campaign {
        clauses = Map.copyOf(clauses);
        elements = Map.copyOf(elements);
        categories = Map.copyOf(categories);
        hazards = Map.copyOf(hazards);
        venueKinds = Map.copyOf(venueKinds);
        placeClasses = Map.copyOf(placeClasses);
        placeClassRules = List.copyOf(placeClassRules);
        exclusions = Map.copyOf(exclusions);
        countingRows = List.copyOf(countingRows);
        actions = Map.copyOf(actions);
        rectifyWithinDays = Map.copyOf(rectifyWithinDays);
        gradeFloors = Map.copyOf(gradeFloors);
        parameters = Map.copyOf(parameters);
        rules = List.copyOf(rules);
    }

    public Optional<HazardType> hazard(String code) {
        return Optional.ofNullable(hazards.get(code));
    }

    public Optional<Clause> clause(String id) {
        return Optional.ofNullable(clauses.get(id));
    }

    public Label placeClass(String code) {
        return new Label(code, placeClasses.getOrDefault(code, Text.of(code, code)));
    }

    /** The campaign with its compiled rules attached; used by the loader once the rules compile. */
    public Campaign withRules(List<RuleInfo> compiled) {
        return new Campaign(id, version, title, authority, document, issued, standard, timeZone, source,
                determinationReminder, clauses, elements, categories, hazards, venueKinds, placeClasses,
                placeClassWhenNone, placeClassRules, exclusions, countingRows, actions, highRise, calendar,
                accidentModel, defaultGrade, rectifyWithinDays, gradeFloors, parameters, compiled);
    }

    @Override
    public String toString() {
        return id + " " + version + " (" + document + ")";
    }
}
