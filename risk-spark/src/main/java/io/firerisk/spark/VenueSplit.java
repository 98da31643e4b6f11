package io.firerisk.spark;

import io.firerisk.io.InputException;
import io.firerisk.io.VenueReader;
import io.firerisk.io.VenueRecord;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * One task's share of one venue file: the file is read whole, from its first byte, through the one venue
 * reader ({@link VenueReader}), and this task parses and assesses every {@code stripes}-th record starting at
 * {@code stripe}. So every decision about the file's records is the reader's, made as {@code firerisk assess}
 * makes it: a quoted CSV cell spanning lines, a stray quote, a row over the limit, CR line ends, the
 * encoding, the findings table's join, and a venue id given twice (which needs every earlier record of the
 * file) are all decided on the whole file, in order, by every stripe alike; each stripe keeps only the records
 * it owns, so each record ends once, as a venue or a reject. Splitting and fingerprinting ids is cheap next to
 * parsing and assessing, which are what the stripes share out.
 *
 * @param path             the file, as a Hadoop path URI ({@code file:}, {@code hdfs:}, {@code s3a:} …)
 * @param name             the file as the user named it, for origins and rejects ({@code venues.jsonl:12})
 * @param format           JSON Lines, a CSV venue table, or Parquet (read as JSON Lines, row N as line N:
 *                         {@link ParquetLines})
 * @param encoding         the file's charset: UTF-8, GBK or GB18030 (Parquet's text is UTF-8 whatever it says)
 * @param findingsPath     the CSV findings table joined to it, or empty
 * @param findingsName     the findings table as the user named it
 * @param findingsEncoding the findings table's charset
 * @param stripe           which records this task owns: those whose index modulo {@code stripes} is this
 * @param stripes          how many tasks share the file
 */
record VenueSplit(String path, String name, Inputs.Format format, String encoding, String findingsPath, String findingsName,
        String findingsEncoding, int stripe, int stripes) implements Serializable {

    private static final long serialVersionUID = 1L;

    VenueSplit withStripe(int stripe, int stripes) {
        return new VenueSplit(path, name, format, encoding, findingsPath, findingsName, findingsEncoding, stripe, stripes);
    }

    /** Opens the file through the one venue reader. */
    VenueReader open(HadoopConf conf) throws IOException, InputException {
        if (format == Inputs.Format.PARQUET) {
            return VenueReader.jsonLines(ParquetLines.open(new Path(path), conf.get(), name), name,
                    StandardCharsets.UTF_8, -1);
        }
        InputStream in = open(path, conf);
        Charset charset = Charset.forName(encoding);
        if (format == Inputs.Format.JSONL) {
            return VenueReader.jsonLines(in, name, charset, -1);
        }
        try {
            if (findingsPath.isEmpty()) {
                return VenueReader.csv(in, name, charset, -1);
            }
            return VenueReader.csv(in, name, charset, -1, () -> open(findingsPath, conf), findingsName,
                    Charset.forName(findingsEncoding));
        } catch (IOException | InputException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static InputStream open(String path, HadoopConf conf) throws IOException {
        Path p = new Path(path);
        return FileSystem.get(p.toUri(), conf.get()).open(p, 1 << 16);
    }

    /**
     * The records this stripe owns, parsed, read lazily so that a file of any size passes in bounded memory;
     * the reader is closed at the end. A problem with the file as a whole (no such column) ends the task with
     * the reader's message.
     */
    Iterator<VenueRecord> records(HadoopConf conf, java.util.function.LongConsumer counted) {
        VenueReader reader;
        try {
            reader = open(conf);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot be read: " + e.getMessage(), e);
        } catch (InputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new Iterator<>() {
            private long index;
            private VenueReader.Pending next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                if (done) {
                    return false;
                }
                try {
                    for (VenueReader.Pending p = reader.next(); p != null; p = reader.next()) {
                        if (index++ % stripes == stripe) {
                            next = p;
                            return true;
                        }
                    }
                    done = true;
                    reader.close();
                    return false;
                } catch (IOException e) {
                    throw new UncheckedIOException(name + ": cannot be read: " + e.getMessage(), e);
                } catch (InputException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }

            @Override
            public VenueRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                VenueReader.Pending p = next;
                next = null;
                counted.accept(1);
                return p.parse();
            }
        };
    }
}
