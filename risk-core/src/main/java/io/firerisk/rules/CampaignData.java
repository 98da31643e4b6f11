package io.firerisk.rules;

import io.firerisk.RiskGrade;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.CountingRow;
import io.firerisk.campaign.KeyPeriod;

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

    /** The named grade floor from the campaign file's {@code grades.floors}, such as {@code suspected-major}. */
    public RiskGrade grade(String key) {
        RiskGrade grade = campaign.gradeFloors().get(key);
        if (grade == null) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " has no grade floor '" + key + "'");
        }
        return grade;
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
