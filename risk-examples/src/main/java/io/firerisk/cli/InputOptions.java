package io.firerisk.cli;

import io.firerisk.io.InputException;
import io.firerisk.io.VenueReader;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Where venues come from: a JSON Lines file, or CSV tables of venues and findings. The command supplies the file. */
final class InputOptions {

    static final String SAMPLE = "samples/wanzhou-venues.jsonl";

    enum Format { JSONL, CSV }

    @Option(names = "--findings", paramLabel = "CSV",
            description = "CSV table of findings, joined to the venue table FILE by venue id (venueId/场所编号)")
    Path findings;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8", converter = Encoding.class,
            description = "text encoding of the input files: UTF-8 (default, with or without BOM) or GBK/GB18030")
    Charset encoding;

    @Option(names = "--findings-encoding", paramLabel = "CHARSET", converter = Encoding.class,
            description = "text encoding of the --findings table, when it differs from --encoding's")
    Charset findingsEncoding;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "jsonl or csv (default: from the file name, else from the first character)")
    Format format;

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

    /** The findings table's encoding: its own, else the venue table's. */
    Charset findingsEncoding() {
        return findingsEncoding != null ? findingsEncoding : encoding;
    }

    /** Opens the venues in {@code file}; {@code -} is standard input, {@code null} the bundled sample. */
    VenueReader open(Path file) throws IOException, InputException {
        if (file == null) {
            if (findings != null) {
                throw new InputException("--findings needs the venue table it belongs to: firerisk … VENUES.csv --findings "
                        + findings);
            }
            InputStream in = InputOptions.class.getClassLoader().getResourceAsStream(SAMPLE);
            if (in == null) {
                throw new InputException("the bundled sample " + SAMPLE + " is missing from the program");
            }
            return VenueReader.jsonLines(in, "sample:" + SAMPLE.substring(SAMPLE.lastIndexOf('/') + 1), encoding, -1);
        }
        boolean stdin = file.toString().equals("-");
        String name = stdin ? "<stdin>" : file.toString();
        InputStream raw;
        long total;
        try {
            raw = stdin ? System.in : Files.newInputStream(file);
            total = stdin ? -1 : Files.size(file);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such file");
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read: " + e.getMessage(), e);
        }
        PushbackInputStream in = new PushbackInputStream(new java.io.BufferedInputStream(raw, 65536), 8);
        Format chosen = format != null ? format : guess(file, in);
        if (chosen == Format.JSONL) {
            if (findings != null) {
                in.close();
                throw new InputException(name + " is JSON Lines, whose records hold their own findings (\"findings\":"
                        + " [ … ] in each line): --findings goes with a CSV venue table; leave it out, or give the"
                        + " venues as a CSV table");
            }
            return VenueReader.jsonLines(in, name, encoding, total);
        }
        if (findings != null && !Files.isRegularFile(findings)) {
            in.close();
            throw new InputException(findings + ": no such file");
        }
        Path f = findings;
        try {
            return f == null ? VenueReader.csv(in, name, encoding, total)
                    : VenueReader.csv(in, name, encoding, total, () -> Files.newInputStream(f), f.toString(),
                            findingsEncoding());
        } catch (IOException | InputException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The format from the file's name (.csv, .jsonl, .ndjson, .json), else from its first character. */
    private Format guess(Path file, PushbackInputStream in) throws IOException {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return Format.CSV;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
            return Format.JSONL;
        }
        byte[] head = new byte[8];
        int read = in.read(head);
        if (read > 0) {
            in.unread(head, 0, read);
        }
        for (int i = 0; i < read; i++) {
            byte b = head[i];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF) {
                continue;
            }
            return b == '{' ? Format.JSONL : Format.CSV;
        }
        return findings != null ? Format.CSV : Format.JSONL;
    }
}
