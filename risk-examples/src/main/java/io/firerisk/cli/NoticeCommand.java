package io.firerisk.cli;

import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.notice.Notice;
import io.firerisk.ledger.notice.NoticePrinter;
import io.firerisk.ledger.notice.Notices;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** {@code firerisk notice}: a 整改通知书 (or 重大火灾隐患整改通知书) from the ledger, as a printable page or a PDF. */
@Command(name = "notice", mixinStandardHelpOptions = true,
        header = "A rectification notice (整改通知书) for a hazard or a venue, or a major-hazard notice, as HTML or PDF.",
        description = {"The page prints on A4 from a browser; --out FILE.pdf prints it with headless Chromium"
                + " (Chinese rendered with the system's CJK font, Debian's fonts-noto-cjk).",
                "--major makes the 重大火灾隐患整改通知书 for a venue with a suspected or determined major hazard; while"
                + " none of its hazards is listed for 挂牌督办 it says it awaits the collective determination (GB 35181-2017 4.2)."})
final class NoticeCommand extends LedgerCommand.Sub {

    static final class Target {
        @Option(names = "--hazard", paramLabel = "ID", required = true, description = "one hazard")
        String hazard;

        @Option(names = "--venue", paramLabel = "ID", required = true, description = "every open hazard of a venue")
        String venue;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--major", description = "the 重大火灾隐患整改通知书 (with --venue)")
    boolean major;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "as of the end of this day (default: today)")
    LocalDate asOf;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = ".html or .pdf (HTML to standard output when absent)")
    Path out;

    @Override
    boolean explanations() {
        return false;
    }

    @Override
    int run(Ledger ledger) throws IOException {
        LocalDate day = asOf != null ? asOf : ledger.today();
        Notice notice;
        try {
            Notices notices = Notices.of(ledger);
            if (major) {
                if (target.venue == null) {
                    err().println("--major is for a venue: give --venue ID");
                    return 2;
                }
                notice = notices.majorHazard(target.venue, day);
            } else {
                notice = target.hazard != null ? notices.forHazard(target.hazard, day) : notices.forVenue(target.venue, day);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            err().println(Safe.text(e.getMessage()));
            return 1;
        }
        if (out != null && out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            Path pdf = Files.createTempFile("firerisk-notice-", ".pdf");
            try {
                try (OutputStream o = Files.newOutputStream(pdf)) {
                    NoticePrinter.pdf(notice, o);
                } catch (IOException e) {
                    err().println(Safe.text(e.getMessage()));
                    return 1;
                }
                LedgerCommand.writeBinary(out, stream -> Files.copy(pdf, stream));
            } finally {
                Files.deleteIfExists(pdf);
            }
        } else {
            try (Output o = Output.open(out, out(), false)) {
                NoticePrinter.html(notice, o.writer());
                o.commit();
            }
        }
        if (out != null) {
            out().println(Safe.text(notice.title() + " " + notice.reference()) + " written to " + Safe.text(out.toString()));
        }
        return 0;
    }
}
