package io.firerisk.analysis;

/**
 * What a validation finding is about. The {@link #id()} is stable, for tools reading
 * {@code firerisk validate --json}.
 */
public enum Check {
    /** A data file (campaign.yaml or a CSV table) the loader refuses. */
    DATA("data"),
    /** A rule file the loader refuses: syntax, types, metadata ({@code @clause}, {@code @zh}, {@code @en}), packages. */
    RULES("rules"),
    /** A rule names a hazard code, venue kind, place class, alert level … that the campaign does not define. */
    UNKNOWN_REFERENCE("unknown-reference"),
    /** Something the campaign defines that nothing can ever use: a hazard code, action, parameter, place class …. */
    UNUSED("unused"),
    /** A clause of clauses.csv that no rule and no table cites. */
    UNCITED_CLAUSE("uncited-clause"),
    /** A scenario table the runner refuses, or a scenario naming something the campaign does not define. */
    SCENARIO("scenario"),
    /**
     * The calendar: what the loader refuses in it (errors: phases out of order or with gaps, key periods
     * at the normal level, early warnings before the campaign starts …) and dates that load but do not
     * fit together (warnings: a plan issued after its last day).
     */
    CALENDAR("calendar"),
    /** Grade settings that contradict each other. */
    GRADES("grades");

    private final String id;

    Check(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
