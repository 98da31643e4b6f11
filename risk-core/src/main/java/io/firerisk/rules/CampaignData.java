package io.firerisk.rules;

import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.CountingRow;
import io.firerisk.campaign.Ground;
import io.firerisk.campaign.KeyPeriod;
import io.firerisk.campaign.RiskMatrix;

import java.util.List;

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

    public CampaignData(Campaign campaign) {
        this.campaign = campaign;
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
