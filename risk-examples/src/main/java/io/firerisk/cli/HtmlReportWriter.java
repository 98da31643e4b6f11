package io.firerisk.cli;

import io.firerisk.io.VenueRecord;
import io.firerisk.Assessment;
import io.firerisk.campaign.Campaign;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;

/** Gathers what the HTML report lists while venues stream past, and writes the page at the end. */
final class HtmlReportWriter implements ResultWriter {

    private final Writer out;
    private final Campaign campaign;
    private final Lang lang;
    private final String source;
    final ReportData data;

    HtmlReportWriter(Writer out, Campaign campaign, Lang lang, int limit, String source, LocalDate date) {
        this.out = out;
        this.campaign = campaign;
        this.lang = lang;
        this.source = source + (date == null ? "" : lang.of("（--date " + date + "）", " (--date " + date + ")"));
        this.data = new ReportData(campaign, limit);
    }

    @Override
    public void write(VenueRecord.Parsed input, Assessment assessment) {
        data.add(input.facts(), assessment);
    }

    @Override
    public void finish(Summary summary) throws IOException {
        HtmlReport.write(out, campaign, lang, summary, data, source);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
