package io.firerisk;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the engine is told about one venue for one assessment.
 *
 * <p>Limits: at most {@value #MAX_FINDINGS} findings; the assessment date between
 * {@link #EARLIEST_DATE} and {@link #LATEST_DATE}.
 *
 * @param venue                 the venue
 * @param findings              what the inspector found; finding ids are unique within the venue
 * @param assessmentDate        the date to assess as of; {@code null} means today by the engine's clock
 * @param judgedNotMajor        a person with authority judged that the hazards are not enough to cause a
 *                              major or extra-major fire or serious social impact (GB 35181-2017
 *                              5.1.3 c): a human judgment the engine records but never makes
 * @param noRealFireRisk        an on-site inspection confirmed that the venue, stopped or out of use, has no
 *                              real fire risk (经现场检查确认无现实火灾风险, GB 35181-2025 4.2 b): only with it
 *                              does being out of use exclude a major hazard under the 2025 edition
 */
public record VenueFacts(Venue venue, List<Finding> findings, LocalDate assessmentDate, boolean judgedNotMajor,
        boolean noRealFireRisk) {

    /** More findings than this on one venue is a data error, not an inspection. */
    public static final int MAX_FINDINGS = 1_000;
    /** Earliest date any fact may carry (assessment, inspection, rectification deadline). */
    public static final LocalDate EARLIEST_DATE = Checks.EARLIEST_DATE;
    /** Latest date any fact may carry: later ones are typos, and dates near {@link LocalDate#MAX} overflow deadlines. */
    public static final LocalDate LATEST_DATE = Checks.LATEST_DATE;

    public VenueFacts {
        Checks.notNull("VenueFacts", "venue", venue);
        String owner = "VenueFacts for venue '" + venue.id() + "'";
        findings = Checks.list(owner, "findings", findings);
        if (findings.size() > MAX_FINDINGS) {
            throw Checks.fail(owner, "findings", owner + ": findings must be at most " + MAX_FINDINGS + " (was "
                    + findings.size() + ")");
        }
        Checks.optionalDate(owner, "assessmentDate", assessmentDate);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (!ids.add(f.id())) {
                throw Checks.fail(owner, "findings[" + i + "].id", owner + ": findings[].id must be unique (\"" + f.id()
                        + "\" appears twice)");
            }
        }
    }

    /** Facts with no on-site confirmation that a stopped venue has no real fire risk. */
    public VenueFacts(Venue venue, List<Finding> findings, LocalDate assessmentDate, boolean judgedNotMajor) {
        this(venue, findings, assessmentDate, judgedNotMajor, false);
    }

    public static VenueFacts of(Venue venue, List<Finding> findings, LocalDate assessmentDate) {
        return new VenueFacts(venue, findings, assessmentDate, false);
    }

    public static VenueFacts of(Venue venue, Finding... findings) {
        return new VenueFacts(venue, List.of(findings), null, false);
    }

    public VenueFacts on(LocalDate date) {
        return new VenueFacts(venue, findings, date, judgedNotMajor, noRealFireRisk);
    }

    public VenueFacts withJudgedNotMajor(boolean judged) {
        return new VenueFacts(venue, findings, assessmentDate, judged, noRealFireRisk);
    }

    public VenueFacts withNoRealFireRisk(boolean confirmed) {
        return new VenueFacts(venue, findings, assessmentDate, judgedNotMajor, confirmed);
    }
}
