package io.firerisk.analysis;

import java.util.List;

/**
 * What {@link Validator} found in a campaign folder.
 *
 * @param source          the folder, or {@code classpath:campaigns/<id>}
 * @param campaignId      the campaign's id, empty when campaign.yaml could not be read
 * @param campaignVersion its version, empty when campaign.yaml could not be read
 * @param rules           how many rules the rule files hold
 * @param scenarios       how many scenario rows the scenario tables hold
 * @param diagnostics     every finding, by file, line and column
 */
public record ValidationReport(String source, String campaignId, String campaignVersion, int rules, int scenarios,
        List<Diagnostic> diagnostics) {

    public ValidationReport {
        diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    /** True when the campaign can be used: no errors (warnings allowed). */
    public boolean passed() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    /** {@code 0 errors, 2 warnings}. */
    public String summary() {
        long errors = errors().size();
        long warnings = diagnostics.size() - errors;
        return errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
    }
}
