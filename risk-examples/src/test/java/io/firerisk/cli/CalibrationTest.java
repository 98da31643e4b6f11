package io.firerisk.cli;

import io.firerisk.campaign.Campaign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign against the rates met in practice (docs/calibration.md): on a sample at realistic
 * frequencies, use of a part stops at no more than the hard-line campaigns' 6% of units and red stays a
 * small minority; the every-code sample, rich in grave findings on purpose, runs higher.
 */
class CalibrationTest {

    private static final Campaign CAMPAIGN = EngineOptions.bundled(EngineOptions.DEFAULT_CAMPAIGN).campaign();

    @TempDir
    Path dir;

    @Test
    void onARealisticSampleSuspensionsStayWithinWhatCampaignsReportAndRedIsASmallMinority() throws IOException {
        // Given 2,000 venues at the frequencies met in practice
        // When they are assessed
        Calibration.Figures f = Calibration.measure(SampleGenerator.Mode.REALISTIC, 2000, SampleGenerator.SAMPLE_SEED, CAMPAIGN,
                dir);

        // Then they have as many findings as campaigns report per unit inspected (1.0–2.4)
        assertThat((double) f.findings() / f.venues()).isBetween(1.0, 2.4);
        // use of a part stops at no more than 6% of them, the highest rate campaigns report (~2% typical)
        assertThat(f.share(f.suspended())).isPositive().isLessThanOrEqualTo(6.0);
        // only on a legal ground: every suspension has one
        assertThat(f.groundHolds()).isGreaterThanOrEqualTo(f.suspended());
        // red is a small minority, well under the 10% the research brief flags for review
        assertThat(f.share(f.grade("RED"))).isPositive().isLessThan(10.0);
        assertThat(f.grade("RED")).isLessThan(f.grade("ORANGE")).isLessThan(f.grade("YELLOW") + f.grade("ORANGE"));
    }

    @Test
    void theEveryCodeSampleRunsHigherAndThePrintoutPutsBothNextToPractice() throws IOException {
        Calibration.Figures every = Calibration.measure(SampleGenerator.Mode.EVERY_CODE, SampleGenerator.SAMPLE_COUNT,
                SampleGenerator.SAMPLE_SEED, CAMPAIGN, dir);
        Calibration.Figures realistic = Calibration.measure(SampleGenerator.Mode.REALISTIC, 500, SampleGenerator.SAMPLE_SEED,
                CAMPAIGN, dir);

        // the bundled sample's known figures (BundledSampleTest checks the same through firerisk assess)
        assertThat(every.venues()).isEqualTo(200);
        assertThat(every.suspended()).isEqualTo(20);
        assertThat(every.grade("RED")).isEqualTo(23);
        assertThat(every.share(every.suspended())).isGreaterThan(realistic.share(realistic.suspended()));

        Map<String, Calibration.Figures> samples = new LinkedHashMap<>();
        samples.put("every-code", every);
        samples.put("realistic", realistic);
        StringWriter out = new StringWriter();
        Calibration.print(new PrintWriter(out, true), CAMPAIGN, SampleGenerator.SAMPLE_SEED, samples);
        assertThat(out.toString()).contains("use of a part stops (suspended)")
                .contains("20   10.0%").contains("~2%, at most ~6% sealed or stopped")
                .contains("grade RED").contains("23   11.5%");
    }
}
