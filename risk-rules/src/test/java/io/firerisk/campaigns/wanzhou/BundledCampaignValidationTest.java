package io.firerisk.campaigns.wanzhou;

import io.firerisk.analysis.Diagnostic;
import io.firerisk.analysis.ValidationReport;
import io.firerisk.analysis.Validator;
import io.firerisk.scenario.ScenarioSuite;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled campaign passes `firerisk validate` with no errors and no warnings: every hazard code is
 * named or selected by a rule, every action, parameter, grade floor and exclusion is used, every clause
 * is cited, and the calendar and grades agree with themselves.
 */
class BundledCampaignValidationTest {

    @Test
    void bundledCampaignValidatesWithNoErrorsAndNoWarnings() {
        ValidationReport report = Validator.validateBundled(Wanzhou.ID);

        assertThat(report.diagnostics()).extracting(Diagnostic::toString).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.summary()).isEqualTo("0 errors, 0 warnings");
        assertThat(report.rules()).isEqualTo(Wanzhou.ENGINE.campaign().rules().size());
        assertThat(report.scenarios()).isEqualTo(ScenarioSuite.fromBundled(Wanzhou.ID).scenarios().size());
    }
}
