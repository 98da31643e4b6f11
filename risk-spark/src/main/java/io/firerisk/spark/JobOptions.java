package io.firerisk.spark;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.charset.Charset;
import java.time.LocalDate;

/** The options every job takes: where venues come from and where results go. */
final class JobOptions {

    enum OutFormat { PARQUET, JSONL }

    @Option(names = "--findings", paramLabel = "CSV",
            description = "CSV table of findings, joined to the one CSV venue table by venue id (venueId/场所编号)")
    String findings;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8", converter = Encoding.class,
            description = "text encoding of the input files: UTF-8 (default, with or without BOM) or GBK/GB18030")
    Charset encoding;

    @Option(names = "--findings-encoding", paramLabel = "CHARSET", converter = Encoding.class,
            description = "text encoding of the --findings table, when it differs from --encoding's")
    Charset findingsEncoding;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "jsonl, csv or parquet (default: from each file's name: .jsonl/.ndjson/.json, .csv,"
                    + " .parquet)")
    Inputs.Format inputFormat;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "assess every venue as of this date (default: each record's own date, else today)")
    LocalDate date;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "output folder: outcome=assessed/ (or outcome=changed/ for diff) holds the results,"
                    + " outcome=rejected/ the rejected records")
    String out;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "parquet",
            description = "parquet (columns, with the JSON line in json) or jsonl (the lines firerisk writes: assess"
                    + " -f jsonl's results, diff --json's changes) (default: ${DEFAULT-VALUE})")
    OutFormat format;

    @Option(names = "--overwrite", description = "replace the output folder when it exists (default: refuse)")
    boolean overwrite;

    @Option(names = "--tasks-per-file", paramLabel = "N",
            description = "tasks sharing each file's records (default: the cluster's parallelism over the number of"
                    + " files)")
    Integer tasksPerFile;

    @Option(names = "--fail-on-rejects", description = "exit with code 3 when any record was rejected (default: 0,"
            + " the rejects counted in the summary and written beside the results)")
    boolean failOnRejects;

    Charset findingsEncoding() {
        return findingsEncoding != null ? findingsEncoding : encoding;
    }

    /** The encoding named on the command line, as {@link io.firerisk.io.Encodings#named} reads it. */
    static final class Encoding implements CommandLine.ITypeConverter<Charset> {
        @Override
        public Charset convert(String value) {
            try {
                return io.firerisk.io.Encodings.named(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
