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
 * @param standards             the hazard-standard editions it applies, each with the dates it applies it
 * @param timeZone              the zone in which "today" is reckoned
 * @param source                where it was loaded from (a folder, or {@code classpath:campaigns/<id>})
 * @param digest                what it was loaded from: {@code sha256:} and the hex SHA-256 of its files
 *                              and those of the standards it mounts, by path and content. Copies with the
 *                              same files digest alike wherever they lie (a folder, a jar); a changed
 *                              file of the campaign or of a standard it applies changes it. Every
 *                              assessment can be traced to it; Spark keys its executors' engines by it.
 * @param clauses               the clause table, by id
 * @param elements              the determination elements of every standard it applies, by edition and number
 *                              ({@link Element.Key}): two editions may number different elements alike; see
 *                              {@link #element(String, String)}, {@link #elementsNumbered(String)} and
 *                              {@link #elementOn(String, LocalDate)}
 * @param categories            hazard categories, by code
 * @param hazards               the hazard catalogue, by code
 * @param venueKinds            venue kinds, by code
 * @param placeClasses          place classes, by code
 * @param placeClassClauses     the clause defining each place class that has one, by class: a venue may
 *                              declare such a class for itself
 * @param placeClassWhenNone    the class of a venue in no other class (其他场所)
 * @param placeClassRules       which venue kinds belong to which place classes
 * @param actions               the action table, by code
 * @param highRise              the high-rise definition
 * @param calendar              phases, key periods and alert levels
 * @param matrix                the four-colour grade as a likelihood × severity matrix
 * @param suspension            the legal grounds for stopping use, and when use resumes
 * @param rectifyWithinDays     the longest rectification period allowed at each grade
 * @param parameters            named numbers the rules read (thresholds, effect sizes)
 * @param hazardLists           named lists of hazard codes the rules read with {@code campaign.codes("…")}
 *                              ({@code hazardLists:} in campaign.yaml): the acts one provision lists, written once
 * @param kindLists             named lists of venue kinds the rules read with {@code campaign.kinds("…")}
 *                              ({@code kindLists:} in campaign.yaml)
 * @param rules                 the compiled rules
 */
public record Campaign(
        String id,
        String version,
        Text title,
        Text authority,
        String document,
        LocalDate issued,
        List<Standard> standards,
        ZoneId timeZone,
        String source,
        String digest,
        Map<String, Clause> clauses,
        Map<Element.Key, Element> elements,
        Map<String, Text> categories,
        Map<String, HazardType> hazards,
        Map<String, VenueKind> venueKinds,
        Map<String, Text> placeClasses,
        Map<String, String> placeClassClauses,
        String placeClassWhenNone,
        List<PlaceClassRule> placeClassRules,
        Map<String, ActionType> actions,
        HighRiseRule highRise,
        CampaignCalendar calendar,
        RiskMatrix matrix,
        SuspensionPolicy suspension,
        Map<RiskGrade, Integer> rectifyWithinDays,
        Map<String, Double> parameters,
        Map<String, List<String>> hazardLists,
        Map<String, List<String>> kindLists,
        List<RuleInfo> rules) {

    public Campaign {
        clauses = Map.copyOf(clauses);
        elements = Map.copyOf(elements);
        categories = Map.copyOf(categories);
        hazards = Map.copyOf(hazards);
        venueKinds = Map.copyOf(venueKinds);
        placeClasses = Map.copyOf(placeClasses);
        placeClassClauses = Map.copyOf(placeClassClauses);
        placeClassRules = List.copyOf(placeClassRules);
        standards = List.copyOf(standards);
        actions = Map.copyOf(actions);
        rectifyWithinDays = Map.copyOf(rectifyWithinDays);
        parameters = Map.copyOf(parameters);
        hazardLists = copyOfLists(hazardLists);
        kindLists = copyOfLists(kindLists);
        rules = List.copyOf(rules);
    }

    /** The editions in force on {@code date}: at most one per standard code, none before the first. */
    public List<Standard> standardsOn(LocalDate date) {
        return standards.stream().filter(s -> s.inForceOn(date)).toList();
    }

    /** The editions it applies, as results name them, such as {@code GB 35181-2017, GB 35181-2025}. */
    public String standard() {
        return String.join(", ", standards.stream().map(Standard::document).distinct().toList());
    }

    /** The exclusion codes of every edition it applies, with their labels (the first edition's label for a shared code). */
    public Map<String, Text> exclusions() {
        Map<String, Text> all = new java.util.LinkedHashMap<>();
        standards.forEach(s -> s.exclusions().forEach(all::putIfAbsent));
        return java.util.Collections.unmodifiableMap(all);
    }

    /**
     * What must happen before a suspected major hazard is final, by each edition it applies that says
     * (distinct, in the order of {@code standards:}).
     */
    public List<Text> determinationReminders() {
        return standards.stream().map(Standard::reminder).filter(r -> !r.zh().isEmpty() || !r.en().isEmpty())
                .distinct().toList();
    }

    /** The counting rows of every edition it applies. */
    public List<CountingRow> countingRows() {
        return standards.stream().flatMap(s -> s.countingRows().stream()).toList();
    }

    /** The element {@code number} of the edition {@code standard} ({@link Standard#id()}). */
    public Optional<Element> element(String standard, String number) {
        return Optional.ofNullable(elements.get(new Element.Key(standard, number)));
    }

    /** The numbers of its elements, of every edition (a number two editions share appears once). */
    public java.util.Set<String> elementNumbers() {
        java.util.Set<String> out = new java.util.TreeSet<>(Element.NUMBER_ORDER);
        elements.keySet().forEach(k -> out.add(k.number()));
        return java.util.Collections.unmodifiableSet(out);
    }

    /** Every element numbered {@code number}, of any edition it applies, in the order of {@code standards:}. */
    public List<Element> elementsNumbered(String number) {
        List<Element> out = new java.util.ArrayList<>();
        for (Standard s : standards) {
            element(s.id(), number).ifPresent(out::add);
        }
        // A campaign carrying its own determination keys its elements by its standard: value.
        elements.values().stream().filter(e -> e.number().equals(number) && !out.contains(e)).forEach(out::add);
        return out;
    }

    /** The element {@code number} of an edition in force on {@code date}, as an assessment on that date reads it. */
    public Optional<Element> elementOn(String number, LocalDate date) {
        for (Standard s : standardsOn(date)) {
            Optional<Element> e = element(s.id(), number);
            if (e.isPresent()) {
                return e;
            }
        }
        return Optional.empty();
    }

    public Optional<HazardType> hazard(String code) {
        return Optional.ofNullable(hazards.get(code));
    }

    /**
     * The hazard {@code code} as the edition in force on {@code date} defines it: a code two editions define
     * cites that edition's clause with its verification (a notice dated before GB 35181-2025 came into force
     * cites GB 35181-2017). On a date no edition defining it is in force, the latest such edition that came
     * into force before it, else the earliest. A code one edition or the campaign defines is {@link #hazard(String)}'s.
     */
    public Optional<HazardType> hazardOn(String code, LocalDate date) {
        HazardType type = hazards.get(code);
        if (type == null || type.editions().size() < 2) {
            return Optional.ofNullable(type);
        }
        Standard chosen = null;
        for (Standard s : standards) {
            if (!type.editions().containsKey(s.id())) {
                continue;
            }
            if (s.inForceOn(date)) {
                return Optional.of(type.under(s.id()));
            }
            boolean before = !s.from().isAfter(date);
            if (chosen == null
                    || (before && (chosen.from().isAfter(date) || s.from().isAfter(chosen.from())))
                    || (!before && chosen.from().isAfter(date) && s.from().isBefore(chosen.from()))) {
                chosen = s;
            }
        }
        return Optional.of(chosen == null ? type : type.under(chosen.id()));
    }

    public Optional<Clause> clause(String id) {
        return Optional.ofNullable(clauses.get(id));
    }

    /** The grade of a venue no rule put in any row: the default L row × the default S row. */
    public RiskGrade defaultGrade() {
        int l = matrix.likelihoodRow(matrix.likelihoodDefault()).map(RiskMatrix.Level::level).orElse(1);
        int s = matrix.severityRow(matrix.severityDefault()).map(RiskMatrix.Level::level).orElse(1);
        return matrix.grade(l * s);
    }

    public Label placeClass(String code) {
        return new Label(code, placeClasses.getOrDefault(code, Text.of(code, code)));
    }

    /** The campaign with its compiled rules attached; used by the loader once the rules compile. */
    public Campaign withRules(List<RuleInfo> compiled) {
        return new Campaign(id, version, title, authority, document, issued, standards, timeZone, source, digest,
                clauses, elements, categories, hazards, venueKinds, placeClasses,
                placeClassClauses, placeClassWhenNone, placeClassRules, actions, highRise,
                calendar, matrix, suspension, rectifyWithinDays, parameters, hazardLists, kindLists, compiled);
    }

    private static Map<String, List<String>> copyOfLists(Map<String, List<String>> lists) {
        Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
        lists.forEach((name, items) -> copy.put(name, List.copyOf(items)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        return id + " " + version + " (" + document + ")";
    }
}
