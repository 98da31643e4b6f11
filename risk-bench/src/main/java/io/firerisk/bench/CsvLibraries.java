package io.firerisk.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * The measurement behind the choice of CSV library (issue 14): FastCSV, Apache Commons CSV and
 * Jackson's CSV module, each parsing the same venue table the way firerisk reads CSV, one record's
 * text at a time (firerisk decodes and limits each line itself, so a library only ever sees one
 * record), and, for reference, streaming the whole table through one parser. Then what each does
 * with the malformed records firerisk must report: a quote left open, text after a closing quote.
 *
 * <pre>java -cp risk-bench/target/benchmarks.jar io.firerisk.bench.CsvLibraries [--rows 200000]</pre>
 *
 * Prints CPU time of the measuring thread, best of several passes after warm-up.
 */
public final class CsvLibraries {

    private static final de.siegmar.fastcsv.reader.CsvReader.CsvReaderBuilder FAST =
            de.siegmar.fastcsv.reader.CsvReader.builder().trimWhitespacesAroundQuotes(true);
    private static final CSVFormat COMMONS = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get();
    private static final CsvMapper JACKSON = new CsvMapper();

    public static void main(String[] args) throws IOException {
        int rows = args.length == 2 && args[0].equals("--rows") ? Integer.parseInt(args[1]) : 200_000;
        List<String> records = table(rows);
        String whole = String.join("\n", records);
        System.out.println("| library | per record (ns/record) | whole table streamed (ns/record) |");
        System.out.println("|---|---|---|");
        row("FastCSV 4.2.0", records, whole, CsvLibraries::fast, CsvLibraries::fastStream);
        row("Apache Commons CSV 1.14.1", records, whole, CsvLibraries::commons, CsvLibraries::commonsStream);
        row("Jackson CSV 2.20.1", records, whole, CsvLibraries::jackson, CsvLibraries::jacksonStream);
        System.out.println();
        System.out.println("| library | quote left open: \"open,x | text after closing quote: \"a\"b,c |");
        System.out.println("|---|---|---|");
        behaviour("FastCSV", CsvLibraries::fast);
        behaviour("Commons CSV", CsvLibraries::commons);
        behaviour("Jackson CSV", CsvLibraries::jackson);
    }

    /** A venue table as a spreadsheet exports it: Chinese text, some quoted cells, one with a line break. */
    static List<String> table(int rows) {
        Random random = new Random(14);
        List<String> out = new ArrayList<>(rows + 1);
        out.add("场所编号,名称,类型,街道,建筑高度（米）,层数,容纳人数,住宿,燃气,危险品,经营状态,检查日期");
        for (int i = 0; i < rows; i++) {
            String name = random.nextInt(10) == 0 ? "\"星光歌舞娱乐城, 二号店\"" : "万州区第" + i + "号场所";
            String street = random.nextInt(50) == 0 ? "\"钟鼓楼街道\n（老城区）\"" : "高笋塘街道";
            out.add("WZ-" + i + "," + name + ",ENTERTAINMENT," + street + "," + random.nextInt(100) + ","
                    + (1 + random.nextInt(30)) + "," + random.nextInt(500) + ",否,瓶装液化石油气,否,营业,2024-01-10");
        }
        return out;
    }

    private static void row(String name, List<String> records, String whole, ToIntFunction<String> perRecord,
            ToIntFunction<String> streamed) {
        double one = best(() -> {
            int fields = 0;
            for (String r : records) {
                fields += perRecord.applyAsInt(r);
            }
            return fields;
        }) / records.size();
        double stream = best(() -> streamed.applyAsInt(whole)) / records.size();
        System.out.printf("| %s | %.0f | %.0f |%n", name, one, stream);
    }

    private interface Work {
        int run();
    }

    private static double best(Work work) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        int sink = 0;
        for (int pass = 0; pass < 10; pass++) {
            long cpu = mx.getCurrentThreadCpuTime();
            sink += work.run();
            long took = mx.getCurrentThreadCpuTime() - cpu;
            if (pass >= 4) {
                best = Math.min(best, took);
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return best;
    }

    private static void behaviour(String name, ToIntFunction<String> parser) {
        System.out.printf("| %s | %s | %s |%n", name, outcome(parser, "\"open,x"), outcome(parser, "\"a\"b,c"));
    }

    private static String outcome(ToIntFunction<String> parser, String text) {
        try {
            return parser.applyAsInt(text) + " fields, no error";
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return "error: " + String.valueOf(root.getMessage()).replace('\n', ' ').replace("|", "/");
        }
    }

    static int fast(String record) {
        return FAST.ofSingleCsvRecord(record).getFieldCount();
    }

    static int fastStream(String text) {
        int fields = 0;
        for (de.siegmar.fastcsv.reader.CsvRecord r : FAST.ofCsvRecord(text)) {
            fields += r.getFieldCount();
        }
        return fields;
    }

    static int commons(String record) {
        try (CSVParser p = CSVParser.parse(record, COMMONS)) {
            int fields = 0;
            for (CSVRecord r : p) {
                fields += r.size();
            }
            return fields;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int commonsStream(String text) {
        return commons(text);
    }

    static int jackson(String record) {
        try (MappingIterator<String[]> it = JACKSON.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.TRIM_SPACES).readValues(new StringReader(record))) {
            int fields = 0;
            while (it.hasNext()) {
                fields += it.next().length;
            }
            return fields;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int jacksonStream(String text) {
        return jackson(text);
    }
}
