package io.firerisk.rules;

import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.CountingRow;
import io.firerisk.campaign.Element;
import io.firerisk.campaign.ElementKind;
import io.firerisk.campaign.PlaceCondition;
import io.firerisk.campaign.Ground;
import io.firerisk.campaign.KeyPeriod;
import io.firerisk.campaign.RiskMatrix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The campaign's data, read-only, as the DRL global {@code campaign}: the named parameters and
 * tables rules consult so that thresholds and effect sizes live in the campaign file, not in rule
 * text or Java.
 *
 * <pre>{@code
 * global io.firerisk.rules.CampaignData campaign;
 * ...
 *   HazardFinding(elements contains "7.3.6", measured, ratio > campaign.number("gb35181.7.3.6.damage-ratio.high-rise"))
 * }</pre>
 */
public final class CampaignData {

    private final Campaign campaign;
    private final Map<String, List<Element>> elementLists = new HashMap<>();
    private final Map<String, Set<String>> unions = new java.util.concurrent.ConcurrentHashMap<>();

    public CampaignData(Campaign campaign) {
        this.campaign = campaign;
        campaign.standards().forEach(s -> elementLists.putAll(s.elementLists()));
    }

    /** The named parameter from the campaign file's {@code parameters}. */
    public double number(String key) {
        Double value = campaign.parameters().get(key);
        if (value == null) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " has no parameter '" + key + "'");
        }
        return value;
    }

    /** The named parameter as a whole number of days, counts and the like. */
    public int whole(String key) {
        return (int) Math.round(number(key));
    }

    /** The likelihood row {@code row} set by a finding: {@code insertLogical(campaign.likelihood($f, "ISOLATED_DEFECT"))}. */
    public LikelihoodRow likelihood(HazardFinding finding, String row) {
        return new LikelihoodRow(finding.venueId(), row, likelihoodLevel(row).level(), finding.findingId());
    }

    /** The likelihood row {@code row} set by the venue as a whole (a verdict, a suspension). */
    public LikelihoodRow likelihood(VenueProfile venue, String row) {
        return new LikelihoodRow(venue.venueId(), row, likelihoodLevel(row).level(), "");
    }

    /** The severity row {@code row}: {@code insertLogical(campaign.severity($v, "HIGH_RISE_RESIDENTIAL"))}. */
    public SeverityRow severity(VenueProfile venue, String row) {
        RiskMatrix.Level level = campaign.matrix().severityRow(row).orElseThrow(() -> new IllegalArgumentException(
                "campaign " + campaign.id() + " has no row '" + row + "' in its severity table (grades.severity)"));
        return new SeverityRow(venue.venueId(), row, level.level());
    }

    /** The highest likelihood a raise can reach (grades.likelihood.raiseCap), for sentences. */
    public int likelihoodRaiseCap() {
        return campaign.matrix().raiseCap();
    }

    /** The level of a severity row, for a rule that needs a consequence class (a mass-casualty risk). */
    public int severityLevel(String row) {
        return campaign.matrix().severityRow(row).map(RiskMatrix.Level::level).orElseThrow(
                () -> new IllegalArgumentException("campaign " + campaign.id() + " has no row '" + row
                        + "' in its severity table (grades.severity)"));
    }

    /** The legal ground {@code code} holds for the part of the venue the finding puts at risk (its area, else the whole venue). */
    public SuspensionGround ground(VenueProfile venue, HazardFinding finding, String code) {
        return new SuspensionGround(venue.venueId(), finding.findingId(), ground(code), finding.area(),
                finding.area().isEmpty() ? venue.name() : finding.area());
    }

    /** The legal ground {@code code} holds for the whole venue, as the finding shows. */
    public SuspensionGround groundForVenue(VenueProfile venue, HazardFinding finding, String code) {
        return new SuspensionGround(venue.venueId(), finding.findingId(), ground(code), "", venue.name());
    }

    private Ground ground(String code) {
        return campaign.suspension().ground(code).orElseThrow(() -> new IllegalArgumentException("campaign "
                + campaign.id() + " has no suspension ground '" + code + "' (suspension.grounds)"));
    }

    private RiskMatrix.Level likelihoodLevel(String row) {
        return campaign.matrix().likelihoodRow(row).orElseThrow(() -> new IllegalArgumentException("campaign "
                + campaign.id() + " has no row '" + row + "' in its likelihood table (grades.likelihood)"));
    }

    /**
     * The elements whose places (elements.csv, {@code places}) the venue is one of, in the table's order:
     * {@code $e : Element(number == $number, kind == ElementKind.DIRECT) from campaign.elementsAt($v)}.
     */
    public List<Element> elementsAt(VenueProfile venue) {
        Set<String> facts = facts(venue);
        List<Element> out = new ArrayList<>();
        for (Element e : campaign.elements().values()) {
            if (e.appliesTo(venue.placeClasses(), facts)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The place classes named by the conditions ({@link ElementKind#CONDITION}) that hold at the venue: for
     * GB 35181-2025 Annex A, the systems the building must have.
     */
    public Set<String> conditionPlacesAt(VenueProfile venue) {
        Set<String> facts = facts(venue);
        Set<String> out = new TreeSet<>();
        for (Element e : campaign.elements().values()) {
            if (e.kind() == ElementKind.CONDITION) {
                for (PlaceCondition p : e.places()) {
                    if (!p.placeClass().equals(PlaceCondition.ANY) && p.holds(venue.placeClasses(), facts)) {
                        out.add(p.placeClass());
                    }
                }
            }
        }
        return out;
    }

    /** The condition {@code element} evidenced by the finding, for the place of it that the venue is. */
    public ConditionPresent condition(VenueProfile venue, HazardFinding finding, Element element) {
        Set<String> facts = facts(venue);
        String place = element.places().stream().filter(p -> p.holds(venue.placeClasses(), facts))
                .map(PlaceCondition::placeClass).filter(c -> !c.equals(PlaceCondition.ANY)).findFirst().orElse("");
        return new ConditionPresent(venue.venueId(), element.number(), place, finding.findingId());
    }

    private static Set<String> facts(VenueProfile venue) {
        Set<String> facts = new HashSet<>();
        if (venue.underground()) {
            facts.add("underground");
        }
        if (venue.highRise()) {
            facts.add("high_rise");
        }
        if (venue.sleepingOnSite()) {
            facts.add("sleeping");
        }
        if (venue.dangerousGoods()) {
            facts.add("dangerous_goods");
        }
        return facts;
    }

    /**
     * A family of elements a standard lists under {@code elementLists:} in its standard.yaml, for the one rule
     * that concludes them alike:
     * {@code $e : Element(number == $c.element) from campaign.elements("gb35181-2017.by-finding-alone")}.
     * The rule compiler rejects a name no standard of the campaign defines, at its line.
     */
    public List<Element> elements(String list) {
        List<Element> elements = elementLists.get(list);
        if (elements == null) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " has no element list '" + list + "'");
        }
        return elements;
    }

    /**
     * The hazard codes of the named lists ({@code hazardLists:} in campaign.yaml), together: the acts a provision
     * lists, written once, such as {@code code memberOf campaign.codes("fire-law-60.1.3", "fire-law-60.1.4")} for
     * 消防法 第六十条第一款第（三）、（四）项. The rule compiler rejects a name campaign.yaml does not define, at its line.
     */
    public Set<String> codes(String... lists) {
        return union(campaign.hazardLists(), "hazard", lists);
    }

    /** The venue kinds of the named lists ({@code kindLists:} in campaign.yaml), together: {@code kind memberOf campaign.kinds("catering")}. */
    public Set<String> kinds(String... lists) {
        return union(campaign.kindLists(), "venue-kind", lists);
    }

    // Rules evaluate these on every match: each union is built once per campaign.
    private Set<String> union(Map<String, List<String>> defined, String what, String... lists) {
        return unions.computeIfAbsent(what + ":" + String.join("\u0000", lists), k -> {
            Set<String> all = new HashSet<>();
            for (String list : lists) {
                all.addAll(items(defined, what, list));
            }
            return Set.copyOf(all);
        });
    }

    private List<String> items(Map<String, List<String>> defined, String what, String list) {
        List<String> items = defined.get(list);
        if (items == null) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " has no " + what + " list '" + list + "'");
        }
        return items;
    }

    /** The comprehensive-determination counting rows (GB 35181-2017 chapter 8). */
    public List<CountingRow> countingRows() {
        return campaign.countingRows();
    }

    /**
     * The calendar's key periods, so a rule can name the period a {@link CalendarDay} points to and
     * read its dates: {@code $p : KeyPeriod(code == $d.keyPeriod) from campaign.keyPeriods()}.
     */
    public List<KeyPeriod> keyPeriods() {
        return campaign.calendar().keyPeriods();
    }

    public String id() {
        return campaign.id();
    }
}
