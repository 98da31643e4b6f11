package io.firerisk.spark;

import io.firerisk.io.InputException;
import io.firerisk.io.VenueReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The venue files a job reads, as the driver finds them: each file given, and each file of a folder given
 * (in name order, leaving out hidden files and Spark's {@code _SUCCESS} markers), on any file system Hadoop
 * reaches. Each file's header is read on the driver, so that a table the reader cannot take (an unknown
 * column) stops the job before any task starts, with the reader's message.
 */
final class Inputs {

    enum Format { JSONL, CSV, PARQUET }

    private Inputs() {}

    /**
     * @param format the format of every file, or {@code null} to tell each by its name (.csv; .jsonl,
     *               .ndjson, .json; .parquet)
     */
    static List<VenueSplit> list(Configuration conf, List<String> inputs, Format format, Charset encoding,
            String findings, Charset findingsEncoding) throws IOException, InputException {
        List<VenueSplit> files = new ArrayList<>();
        for (String input : inputs) {
            Path path = new Path(input);
            FileSystem fs = FileSystem.get(path.toUri(), conf);
            if (!fs.exists(path)) {
                throw new InputException(input + ": no such file");
            }
            FileStatus status = fs.getFileStatus(path);
            if (status.isFile()) {
                files.add(split(fs, status, input, format, encoding));
                continue;
            }
            FileStatus[] inside = fs.listStatus(path);
            java.util.Arrays.sort(inside, Comparator.comparing(s -> s.getPath().getName()));
            for (FileStatus s : inside) {
                String n = s.getPath().getName();
                if (s.isFile() && !n.startsWith(".") && !n.startsWith("_")) {
                    files.add(split(fs, s, input.endsWith("/") ? input + n : input + "/" + n, format, encoding));
                }
            }
        }
        if (files.isEmpty()) {
            throw new InputException(String.join(", ", inputs) + ": no venue files");
        }
        if (findings != null) {
            if (files.size() != 1 || files.get(0).format() != Format.CSV) {
                throw new InputException("--findings " + findings + " is joined to one CSV venue table; give that one"
                        + " table (JSON Lines records hold their own findings)");
            }
            Path f = new Path(findings);
            FileSystem fs = FileSystem.get(f.toUri(), conf);
            if (!fs.isFile(f)) {
                throw new InputException(findings + ": no such file");
            }
            VenueSplit v = files.get(0);
            files.set(0, new VenueSplit(v.path(), v.name(), Format.CSV, v.encoding(), fs.makeQualified(f).toString(), findings,
                    findingsEncoding.name(), 0, 1));
        }
        HadoopConf shipped = new HadoopConf(conf);
        for (VenueSplit s : files) {
            // The headers, read now: a table the reader refuses stops the job here, not in a task.
            try (VenueReader ignored = s.open(shipped)) {
                // opened and closed
            }
        }
        return files;
    }

    private static VenueSplit split(FileSystem fs, FileStatus s, String name, Format format, Charset encoding)
            throws InputException {
        Format f = format != null ? format : byName(s.getPath().getName());
        if (f == null) {
            throw new InputException(name + ": cannot tell its format from its name: give --input-format jsonl, csv or parquet");
        }
        return new VenueSplit(fs.makeQualified(s.getPath()).toString(), name, f, encoding.name(), "", "",
                encoding.name(), 0, 1);
    }

    private static Format byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return Format.CSV;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
            return Format.JSONL;
        }
        if (n.endsWith(".parquet")) {
            return Format.PARQUET;
        }
        return null;
    }
}
