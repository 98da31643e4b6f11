package io.firerisk.cli;

import io.firerisk.io.CsvReader;
import io.firerisk.io.CsvRecord;
import io.firerisk.io.Origin;
import io.firerisk.io.VenueReader;
import io.firerisk.io.VenueRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.HazardType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated venue records, most of them mutated the ways real files go wrong (truncated lines,
 * wrong JSON types, huge numbers, empty strings, unknown codes and kinds, impossible dates, another
 * encoding, control characters, deep nesting, keys given twice, fields nobody defined, values past
 * the documented limits), run through the real readers and {@code firerisk assess}. Every record
 * ends as exactly one result or one reject, at its own line, and the reject names the field that
 * was spoiled (as the input names it); records in = results + rejects; nothing ends the run; the
 * exit code says whether anything was rejected.
 */
class BadInputPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Campaign CAMPAIGN = EngineOptions.bundled(EngineOptions.DEFAULT_CAMPAIGN).campaign();
    private static final List<String> KINDS = List.copyOf(CAMPAIGN.venueKinds().keySet());
    private static final List<HazardType> HAZARDS = List.copyOf(CAMPAIGN.hazards().values());
    private static final LocalDate FIRST_DAY = CAMPAIGN.calendar().start().minusDays(20);

    private static Path dir;

    @BeforeContainer
    static void makeFolder() throws IOException {
        dir = Files.createTempDirectory("firerisk-bad-input");
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * One record as written, and what must become of it.
     *
     * @param bytes   the line, without its line break
     * @param venueId the venue it is about
     * @param fields  where a reject must point (any of them), empty when the record must be assessed;
     *                {@code ""} stands for the record as a whole
     * @param says    a fragment the reject's message must hold, or empty
     */
    record Case(byte[] bytes, String venueId, Set<String> fields, String says) {
        boolean assessed() {
            return fields.isEmpty();
        }

        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return (assessed() ? "assessed" : "rejected at " + fields) + ": " + (text.length() > 300
                    ? text.substring(0, 300) + "… (" + bytes.length + " bytes)" : text);
        }
    }

    /** The ways a JSON Lines record is spoiled; NONE and the VALID_ ones leave it assessable. */
    enum Mutation {
        NONE, VALID_NASTY_TEXT, VALID_LIMITS, TRUNCATED, WRONG_TYPE, HUGE_NUMBER, EMPTY_STRING, UNKNOWN_CODE,
        UNKNOWN_KIND, INVALID_DATE, DATE_OUT_OF_RANGE, WRONG_ENCODING, CONTROL_IN_ID, RAW_CONTROL_CHARACTER,
        DEEP_NESTING, DUPLICATE_KEY, TRAILING_CONTENT, UNKNOWN_FIELD, OUT_OF_RANGE, MISSING_MEASURE,
        DUPLICATE_FINDING_ID, TOO_MANY_FINDINGS, LONG_TEXT, LONG_ID, NOT_AN_OBJECT
    }

    @Property(tries = 150)
    void everyJsonLinesRecordEndsAsOneResultOrOneRejectNamingTheFieldSpoiled(
            @ForAll("jsonCases") List<Case> cases, @ForAll("threads") int threads, @ForAll boolean crlf) throws IOException {
        // Given a JSON Lines file of generated records, some spoiled
        Path input = dir.resolve("venues.jsonl");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (Case c : cases) {
            file.write(c.bytes());
            file.write(crlf ? "\r\n".getBytes(StandardCharsets.US_ASCII) : "\n".getBytes(StandardCharsets.US_ASCII));
        }
        Files.write(input, file.toByteArray());

        // When firerisk assesses it
        Path out = dir.resolve("out.jsonl");
        Path rejects = dir.resolve("rejects.csv");
        Files.deleteIfExists(rejects);
        Cli.Run run = Cli.run("assess", input.toString(), "-f", "jsonl", "-o", out.toString(), "--rejects",
                rejects.toString(), "--threads", String.valueOf(threads), "--no-progress");

        // Then each record is one result or one reject, as expected, and the run says so
        assertOutcomes(run, cases, out, rejects, input.toString(), 1);
    }

    /**
     * Checks the run against the cases: results in input order for the assessable ones, one reject
     * at each spoiled one's line naming its field, counts and exit code; no stack trace, no
     * "could not be read/assessed" (the safety net must not be what catches a generated record).
     */
    static void assertOutcomes(Cli.Run run, List<Case> cases, Path out, Path rejects, String file, int firstLine)
            throws IOException {
        List<String> assessed = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                assessed.add(JSON.readTree(line).get("venueId").asText());
            }
        }
        List<Map<String, String>> rejected = Files.exists(rejects) ? Csv.read(rejects) : List.of();
        long expectRejected = cases.stream().filter(c -> !c.assessed()).count();

        assertThat(run.err()).as("stderr").doesNotContain("\tat ").doesNotContain("Exception:")
                .doesNotContain("could not be read").doesNotContain("could not be assessed")
                .contains((cases.size() - expectRejected) + " assessed, " + expectRejected + " rejected");
        assertThat(assessed.size() + rejected.size()).as("results + rejects = records").isEqualTo(cases.size());
        assertThat(assessed).as("assessed, in input order")
                .containsExactlyElementsOf(cases.stream().filter(Case::assessed).map(Case::venueId).toList());
        int r = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            if (c.assessed()) {
                continue;
            }
            Map<String, String> reject = rejected.get(r++);
            assertThat(reject.get("file")).isEqualTo(file);
            assertThat(reject.get("line")).as("line of %s", c).isEqualTo(String.valueOf(firstLine + i));
            assertThat(c.fields()).as("field named for %s: %s", c, reject.get("message")).contains(reject.get("field"));
            assertThat(reject.get("message")).as("message for %s", c).isNotBlank().contains(c.says())
                    .hasSizeLessThan(1_000);
            assertThat(run.err().length()).isLessThan(20_000);
        }
        assertThat(run.exit()).isEqualTo(expectRejected > 0 ? AssessCommand.REJECTED : 0);
    }

    /** The ways a CSV venue row, or one of its finding rows, is spoiled. */
    enum CsvMutation {
        NONE, NONE_MULTILINE_CELL, BAD_NUMBER, NEGATIVE_OCCUPANTS, BAD_DATE, DATE_OUT_OF_RANGE, UNKNOWN_KIND,
        EMPTY_ID, QUOTE_LEFT_OPEN, UNQUOTED_COMMA, WRONG_ENCODING, LONG_TEXT, TOO_MANY_FINDINGS, FINDING_UNKNOWN_CODE,
        FINDING_BAD_RATIO, FINDING_RATIO_OVER_ONE, FINDING_TRUNCATED, FINDING_WRONG_ENCODING, FINDING_BAD_STATUS,
        FINDING_ORPHAN
    }

    record CsvSpec(CsvMutation mutation, long seed) {}

    /** A reject the run must write: where, naming which column (as the header wrote it), saying what. */
    record Reject(String file, long line, Set<String> fields, String says) {}

    /** A finding row as written, and the reject it must cause (null when it is fine). */
    record FindingRow(byte[] bytes, Reject reject) {}

    static final String[][] VENUE_COLUMNS = {{"id", "场所编号"}, {"name", "名称"}, {"kind", "类型"}, {"street", "街道"},
            {"floors", "层数"}, {"occupants", "容纳人数"}, {"date", "检查日期"}};
    static final String[][] FINDING_COLUMNS = {{"venueId", "场所编号"}, {"id", "隐患编号"}, {"code", "隐患代码"},
            {"location", "部位"}, {"ratio", "比例"}, {"status", "整改状态"}};

    @Property(tries = 100)
    void everyCsvVenueAndFindingRowEndsInOneResultOrOneRejectNamingTheColumnSpoiled(
            @ForAll("csvSpecs") List<CsvSpec> specs, @ForAll boolean chinese, @ForAll boolean gbk,
            @ForAll boolean shuffled, @ForAll("threads") int threads) throws IOException {
        // Given a venue table and a findings table as a spreadsheet exports them, some rows spoiled
        Charset charset = gbk ? Charset.forName("GBK") : StandardCharsets.UTF_8;
        Path venueFile = dir.resolve("venues.csv");
        Path findingFile = dir.resolve("findings.csv");
        String[] vh = header(VENUE_COLUMNS, chinese);
        String[] fh = header(FINDING_COLUMNS, chinese);
        ByteArrayOutputStream venues = new ByteArrayOutputStream();
        if (!gbk && chinese) {
            venues.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        venues.write((String.join(",", vh) + "\r\n").getBytes(charset));
        List<String> assessedIds = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        List<FindingRow> findingRows = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();   // for each finding row, the venue it was written for
        List<Reject> venueRejects = new ArrayList<>();
        long line = 2;
        for (int i = 0; i < specs.size(); i++) {
            Random random = new Random(specs.get(i).seed());
            CsvMutation m = specs.get(i).mutation();
            if (gbk && (m == CsvMutation.WRONG_ENCODING || m == CsvMutation.FINDING_WRONG_ENCODING)) {
                m = CsvMutation.NONE;   // GBK bytes read as GBK are text: only a UTF-8 file can tell
            }
            String id = "V" + i;
            String[] cells = {id, "场所" + i, KINDS.get(random.nextInt(KINDS.size())), "街道" + random.nextInt(4),
                    String.valueOf(1 + random.nextInt(20)), String.valueOf(random.nextInt(500)),
                    FIRST_DAY.plusDays(random.nextInt(170)).toString()};
            String vf = venueFile.toString();
            Reject reject = null;
            byte[] row = null;
            switch (m) {
                case NONE_MULTILINE_CELL -> cells[1] = "场所" + i + "\n（二号楼）";
                case BAD_NUMBER -> {
                    cells[5] = random.nextBoolean() ? "很多" : "1e400";
                    reject = new Reject(vf, line, Set.of(vh[5]), "is not a whole number");
                }
                case NEGATIVE_OCCUPANTS -> {
                    cells[5] = "-" + (1 + random.nextInt(50));
                    reject = new Reject(vf, line, Set.of(vh[5]), "must be between 0 and");
                }
                case BAD_DATE -> {
                    cells[6] = random.nextBoolean() ? "2024-02-30" : "明天";
                    reject = new Reject(vf, line, Set.of(vh[6]), "is not a date");
                }
                case DATE_OUT_OF_RANGE -> {
                    cells[6] = random.nextBoolean() ? "3024-02-03" : "1024年2月3日";
                    reject = new Reject(vf, line, Set.of(vh[6]), "between 1900-01-01 and 2999-12-31");
                }
                case UNKNOWN_KIND -> {
                    cells[2] = "NO_SUCH_KIND";
                    reject = new Reject(vf, line, Set.of(vh[2]), "NO_SUCH_KIND");
                }
                case EMPTY_ID -> {
                    cells[0] = "";
                    reject = new Reject(vf, line, Set.of(vh[0]), "is required");
                }
                case QUOTE_LEFT_OPEN -> {
                    row = (cells[0] + ",\"" + cells[1] + "\r\n").getBytes(charset);
                    reject = new Reject(vf, line, Set.of(vh[1]), "quoted cell opened on this line");
                }
                case UNQUOTED_COMMA -> {
                    cells[3] = "街道,社区";
                    row = (String.join(",", cells) + "\r\n").getBytes(charset);
                    reject = new Reject(vf, line, Set.of(""), "the header only");
                }
                case WRONG_ENCODING -> {
                    cells[1] = "滨江宾馆";
                    row = (csvRow(cells) + "\r\n").getBytes(Charset.forName("GBK"));
                    reject = new Reject(vf, line, Set.of(""), "--encoding GBK");
                }
                case LONG_TEXT -> {
                    cells[1] = "长".repeat(io.firerisk.Venue.MAX_TEXT_LENGTH + 1 + random.nextInt(100));
                    reject = new Reject(vf, line, Set.of(vh[1]), "at most " + io.firerisk.Venue.MAX_TEXT_LENGTH);
                }
                case TOO_MANY_FINDINGS -> reject = new Reject(vf, line, Set.of(fh[0]),
                        "more than the " + VenueFacts.MAX_FINDINGS);
                default -> { }
            }
            venues.write(row != null ? row : (csvRow(cells) + "\r\n").getBytes(charset));
            line += m == CsvMutation.NONE_MULTILINE_CELL ? 2 : 1;

            // its finding rows; at most one spoiled
            int n = m == CsvMutation.EMPTY_ID ? 0 : m == CsvMutation.TOO_MANY_FINDINGS ? VenueFacts.MAX_FINDINGS + 1
                    : m.name().startsWith("FINDING") ? 1 + random.nextInt(2) : random.nextInt(3);
            for (int j = 0; j < n; j++) {
                HazardType type = n > 3 ? HAZARDS.stream().filter(h -> h.measure().isEmpty()).findFirst().orElseThrow()
                        : HAZARDS.get(random.nextInt(HAZARDS.size()));
                String[] f = {id, "F" + j, type.code(), "部位" + j, type.measure().isPresent() ? random.nextInt(101) + "%" : "",
                        random.nextBoolean() ? "未整改" : "OPEN"};
                byte[] bytes = null;
                Reject bad = null;
                String ff = findingFile.toString();
                if (j == n - 1 && m.name().startsWith("FINDING")) {
                    switch (m) {
                        case FINDING_UNKNOWN_CODE -> {
                            f[2] = "NO_SUCH_HAZARD";
                            f[4] = "";
                            bad = new Reject(ff, 0, Set.of(fh[2]), "NO_SUCH_HAZARD");
                        }
                        case FINDING_BAD_RATIO -> {
                            f[4] = random.nextBoolean() ? "abc" : "五成";
                            bad = new Reject(ff, 0, Set.of(fh[4]), "is not a number");
                        }
                        case FINDING_RATIO_OVER_ONE -> {
                            f[4] = "150%";
                            bad = new Reject(ff, 0, Set.of(fh[4]), "must be between 0.0 and 1.0");
                        }
                        case FINDING_TRUNCATED -> {
                            bytes = String.join(",", f[0], f[1], f[2]).getBytes(charset);
                            bad = new Reject(ff, 0, Set.of(fh[3]), "truncated");
                        }
                        case FINDING_WRONG_ENCODING -> {
                            f[3] = "后厨操作间";
                            bytes = csvRow(f).getBytes(Charset.forName("GBK"));
                            bad = new Reject(ff, 0, Set.of(""), "--findings-encoding GBK");
                        }
                        case FINDING_BAD_STATUS -> {
                            f[5] = "差不多";
                            bad = new Reject(ff, 0, Set.of(fh[5]), "must be one of");
                        }
                        case FINDING_ORPHAN -> {
                            f[0] = "NOBODY-" + i;
                            bad = new Reject(ff, 0, Set.of(fh[0]), "no venue 'NOBODY-" + i + "'");
                        }
                        default -> throw new IllegalStateException(m.name());
                    }
                }
                findingRows.add(new FindingRow(bytes != null ? bytes : csvRow(f).getBytes(charset), bad));
                owner.add(m == CsvMutation.FINDING_ORPHAN && bad != null ? -1 : i);
            }
            venueRejects.add(reject);
        }

        // The findings table, in venue order or shuffled (the join then reads ahead)
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < findingRows.size(); k++) {
            order.add(k);
        }
        if (shuffled) {
            java.util.Collections.shuffle(order, new Random(specs.size()));
        }
        ByteArrayOutputStream findings = new ByteArrayOutputStream();
        findings.write((String.join(",", fh) + "\r\n").getBytes(charset));
        long[] lineOf = new long[findingRows.size()];
        for (int k = 0; k < order.size(); k++) {
            findings.write(findingRows.get(order.get(k)).bytes());
            findings.write("\r\n".getBytes(charset));
            lineOf[order.get(k)] = k + 2;
        }
        // What must become of each venue: its own reject, else the reject of its spoiled finding row, else a result
        for (int i = 0; i < specs.size(); i++) {
            Reject reject = venueRejects.get(i);
            for (int k = 0; k < findingRows.size() && reject == null; k++) {
                Reject bad = findingRows.get(k).reject();
                if (owner.get(k) == i && bad != null) {
                    reject = new Reject(bad.file(), lineOf[k], bad.fields(), bad.says());
                }
            }
            if (reject == null) {
                assessedIds.add("V" + i);
            } else {
                rejects.add(reject);
            }
        }
        for (int k = 0; k < findingRows.size(); k++) {
            Reject bad = findingRows.get(k).reject();
            if (owner.get(k) == -1) {
                rejects.add(new Reject(bad.file(), lineOf[k], bad.fields(), bad.says()));
            }
        }
        Files.write(venueFile, venues.toByteArray());
        Files.write(findingFile, findings.toByteArray());

        // When firerisk assesses the two tables
        Path out = dir.resolve("out.csv");
        Path rejectsFile = dir.resolve("rejects.csv");
        Files.deleteIfExists(rejectsFile);
        List<String> args = new ArrayList<>(List.of("assess", venueFile.toString(), "--findings", findingFile.toString(),
                "-f", "csv", "-o", out.toString(), "--rejects", rejectsFile.toString(), "--threads",
                String.valueOf(threads), "--no-progress"));
        if (gbk) {
            args.addAll(List.of("--encoding", "GBK"));
        }
        Cli.Run run = Cli.run(args.toArray(String[]::new));

        // Then every venue and every orphan finding row is one result or one reject, where expected
        List<String> assessed = Csv.read(out).stream().map(r -> r.get("venueId")).toList();
        List<Map<String, String>> rejected = Files.exists(rejectsFile) ? Csv.read(rejectsFile) : List.of();
        assertThat(run.err()).as("stderr").doesNotContain("\tat ").doesNotContain("Exception:")
                .doesNotContain("could not be read").doesNotContain("could not be assessed")
                .contains(assessedIds.size() + " assessed, " + rejects.size() + " rejected");
        assertThat(assessed.size() + rejected.size()).as("results + rejects = records")
                .isEqualTo(specs.size() + rejects.stream().filter(r -> r.fields().contains(fh[0])
                        && r.says().startsWith("no venue")).count());
        assertThat(assessed).as("assessed, in input order").containsExactlyElementsOf(assessedIds);
        Map<String, Map<String, String>> byPlace = new java.util.HashMap<>();
        rejected.forEach(r -> byPlace.put(r.get("file") + ":" + r.get("line"), r));
        assertThat(byPlace.keySet()).as("rejects by file and line")
                .containsExactlyInAnyOrderElementsOf(rejects.stream().map(r -> r.file() + ":" + r.line()).toList());
        for (Reject expected : rejects) {
            Map<String, String> actual = byPlace.get(expected.file() + ":" + expected.line());
            assertThat(expected.fields()).as("column named at %s:%s: %s", expected.file(), expected.line(),
                    actual.get("message")).contains(actual.get("field"));
            assertThat(actual.get("message")).isNotBlank().contains(expected.says()).hasSizeLessThan(1_000);
        }
        assertThat(run.exit()).isEqualTo(rejects.isEmpty() ? 0 : AssessCommand.REJECTED);
    }

    private static String[] header(String[][] columns, boolean chinese) {
        String[] names = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            names[i] = columns[i][chinese ? 1 : 0];
        }
        return names;
    }

    /** A row as a spreadsheet writes it: a cell with a comma, quote or line break in quotes. */
    private static String csvRow(String[] cells) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (i > 0) {
                row.append(',');
            }
            boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n");
            row.append(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return row.toString();
    }

    @Provide
    Arbitrary<List<CsvSpec>> csvSpecs() {
        Arbitrary<CsvMutation> mutations = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(CsvMutation.NONE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(CsvMutation.TOO_MANY_FINDINGS)),
                net.jqwik.api.Tuple.of(20, Arbitraries.of(CsvMutation.class)
                        .filter(m -> m != CsvMutation.TOO_MANY_FINDINGS)));
        return Combinators.combine(mutations, Arbitraries.longs()).as(CsvSpec::new).list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 300)
    void theJsonReaderGivesAVenueOrABadRecordForAnyLineWhatever(@ForAll("anyLines") String line) {
        VenueRecord record = VenueReader.jsonLine(new Origin("any.jsonl", 1), line);
        if (record instanceof VenueRecord.Parsed parsed) {
            assertThat(parsed.facts().venue().id()).isNotBlank();
        } else {
            assertThat(((VenueRecord.Rejected) record).message()).isNotBlank().hasSizeLessThan(1_000);
        }
    }

    @Property(tries = 200)
    void theCsvReaderSplitsAnyBytesIntoRowsThatAccountForEveryLine(@ForAll("anyBytes") byte[] bytes,
            @ForAll("columns") int columns) throws IOException {
        // Lines end at \n; in a file whose first line ends in a \r alone, at \r, \r\n or \n
        boolean crEnds = false;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                crEnds = bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n');
                break;
            }
        }
        long lines = 0;
        for (int i = 0; i < bytes.length; i++) {
            boolean end = bytes[i] == '\n' || (crEnds && bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'));
            lines += end ? 1 : 0;
        }
        byte lastByte = bytes.length == 0 ? 0 : bytes[bytes.length - 1];
        lines += bytes.length > 0 && lastByte != '\n' && !(crEnds && lastByte == '\r') ? 1 : 0;
        try (CsvReader csv = CsvReader.open(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            csv.expectColumns(columns);
            long previous = 0;
            long rows = 0;
            for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
                assertThat(row.line()).as("rows in line order").isGreaterThan(previous).isLessThanOrEqualTo(lines);
                previous = row.line();
                rows++;
            }
            assertThat(rows).as("rows").isLessThanOrEqualTo(lines);
        } catch (IOException e) {
            // only a UTF-16 byte-order mark stops the reader
            assertThat(e).hasMessageContaining("UTF-16");
        }
    }

    @Provide
    Arbitrary<Integer> columns() {
        return Arbitraries.integers().between(-1, 8);
    }

    /** Lines of any text, and valid records cut, spliced and sprinkled with JSON's own characters. */
    @Provide
    Arbitrary<String> anyLines() {
        Arbitrary<String> records = Arbitraries.longs().map(seed -> validVenue("V", new Random(seed)).toString());
        Arbitrary<String> spliced = Combinators.combine(records, Arbitraries.integers().between(0, 400),
                Arbitraries.strings().withChars("{}[]\":,\\0123456789eE+-.tfnul \u0000\u00e9场").ofMaxLength(8))
                .as((r, at, junk) -> r.substring(0, Math.min(at, r.length())) + junk + r.substring(Math.min(at, r.length())));
        return Arbitraries.oneOf(records, spliced, Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]\":,0123456789").ofMaxLength(300));
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        Arbitrary<Byte> csvish = Arbitraries.of((byte) ',', (byte) '"', (byte) '\n', (byte) '\r', (byte) 'a', (byte) ' ',
                (byte) 0xE5, (byte) 0x9C, (byte) 0xBA);
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(400),
                csvish.array(byte[].class).ofMaxSize(400));
    }

    @Provide
    Arbitrary<Integer> threads() {
        return Arbitraries.of(1, 3);
    }

    @Provide
    Arbitrary<List<Case>> jsonCases() {
        Arbitrary<Mutation> mutations = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Mutation.NONE)),
                net.jqwik.api.Tuple.of(20, Arbitraries.of(Mutation.class)));
        return Combinators.combine(mutations, Arbitraries.longs()).as(Spec::new).list().ofMinSize(1).ofMaxSize(12)
                .map(specs -> {
                    List<Case> cases = new ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        cases.add(jsonCase(specs.get(i), "V" + i));
                    }
                    return cases;
                });
    }

    record Spec(Mutation mutation, long seed) {}

    /** A valid record of a random kind with random findings of the catalogue, each measured hazard with its measure. */
    static ObjectNode validVenue(String id, Random random) {
        ObjectNode v = JSON.createObjectNode();
        v.put("id", id);
        v.put("name", "场所" + id);
        v.put("kind", KINDS.get(random.nextInt(KINDS.size())));
        v.put("street", "街道" + random.nextInt(5));
        v.put("floors", 1 + random.nextInt(30));
        v.put("occupants", random.nextInt(800));
        if (random.nextBoolean()) {
            v.put("heightMeters", 3 + random.nextInt(100));
        }
        v.put("date", FIRST_DAY.plusDays(random.nextInt(170)).toString());
        ArrayNode findings = v.putArray("findings");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            findings.add(validFinding("F" + i, HAZARDS.get(random.nextInt(HAZARDS.size())), random));
        }
        return v;
    }

    static ObjectNode validFinding(String id, HazardType type, Random random) {
        ObjectNode f = JSON.createObjectNode();
        f.put("id", id);
        f.put("code", type.code());
        f.put("location", "部位" + random.nextInt(3));
        type.measure().ifPresent(m -> {
            if (m.equals(HazardType.MEASURE_RATIO)) {
                f.put("ratio", random.nextInt(101) / 100.0);
            } else {
                f.put("quantity", random.nextInt(20));
            }
        });
        if (random.nextInt(3) == 0) {
            ObjectNode plan = f.putObject("plan");
            plan.put("responsible", "负责人");
            plan.put("deadline", "2024-03-01");
        }
        return f;
    }

    private static ObjectNode firstFinding(ObjectNode v, Random random) {
        ArrayNode findings = (ArrayNode) v.get("findings");
        if (findings.isEmpty()) {
            findings.add(validFinding("F0", HAZARDS.get(random.nextInt(HAZARDS.size())), random));
        }
        return (ObjectNode) findings.get(0);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Case assessed(ObjectNode v) {
        return new Case(utf8(v.toString()), v.get("id").asText(), Set.of(), "");
    }

    private static Case rejected(String line, String id, String field, String says) {
        return new Case(utf8(line), id, Set.of(field), says);
    }

    private static Case rejected(ObjectNode v, String id, String field, String says) {
        return rejected(v.toString(), id, field, says);
    }

    /** The record for one spec: the valid venue, spoiled as the mutation says. */
    static Case jsonCase(Spec spec, String id) {
        Random random = new Random(spec.seed());
        ObjectNode v = validVenue(id, random);
        switch (spec.mutation()) {
            case NONE -> {
                return assessed(v);
            }
            case VALID_NASTY_TEXT -> {
                String[] nasty = {"<script>alert('x')</script>", "a & b \"q\" 'q'", "\u0000\u0007\u001b[31mred",
                        "\u202Egnp.exe", "=HYPERLINK(\"http://x\")", "line\nbreak\ttab", "\uD83D\uDD25 火"};
                v.put("name", nasty[random.nextInt(nasty.length)]);
                v.put("street", nasty[random.nextInt(nasty.length)]);
                firstFinding(v, random).put("location", nasty[random.nextInt(nasty.length)]);
                return assessed(v);
            }
            case VALID_LIMITS -> {
                v.put("occupants", io.firerisk.Venue.MAX_OCCUPANTS);
                v.put("floors", io.firerisk.Venue.MAX_FLOORS);
                v.put("heightMeters", io.firerisk.Venue.MAX_HEIGHT_METERS);
                v.put("name", "名".repeat(io.firerisk.Venue.MAX_TEXT_LENGTH));
                v.put("date", random.nextBoolean() ? VenueFacts.LATEST_DATE.toString() : VenueFacts.EARLIEST_DATE.toString());
                firstFinding(v, random).put("timesFound", io.firerisk.Finding.MAX_TIMES_FOUND);
                return assessed(v);
            }
            case TRUNCATED -> {
                String line = v.toString();
                return new Case(utf8(line.substring(0, 1 + random.nextInt(line.length() - 1))), id, Set.of(""), "");
            }
            case WRONG_TYPE -> {
                Object[][] venueFields = {{"occupants", "many"}, {"floors", true}, {"heightMeters", "18m"},
                        {"underground", "yes"}, {"name", 123}, {"kind", 5}, {"date", 20240110}, {"findings", "none"},
                        {"status", 1}, {"gas", false}, {"judgedNotMajor", "no"}};
                Object[][] findingFields = {{"code", 7}, {"expertReviewed", "no"}, {"plan", "a plan"},
                        {"timesFound", 1.5}, {"foundOn", 20240101}, {"correctableOnSpot", 1}, {"location", false},
                        {"status", 3}};
                if (random.nextBoolean()) {
                    Object[] pick = venueFields[random.nextInt(venueFields.length)];
                    set(v, (String) pick[0], pick[1]);
                    return rejected(v, id, (String) pick[0], (String) pick[0]);
                }
                Object[] pick = findingFields[random.nextInt(findingFields.length)];
                set(firstFinding(v, random), (String) pick[0], pick[1]);
                return rejected(v, id, "findings[0]." + pick[0], (String) pick[0]);
            }
            case HUGE_NUMBER -> {
                String[] huge = {"1e400", "99999999999999999999", "9".repeat(1_500), "-1e400", "1" + "0".repeat(40)};
                String number = huge[random.nextInt(huge.length)];
                String field = random.nextBoolean() ? "occupants" : "floors";
                if (random.nextInt(3) == 0) {
                    field = "heightMeters";
                }
                v.remove(field);
                String line = v.toString();
                line = line.substring(0, line.length() - 1) + ",\"" + field + "\":" + number + "}";
                return rejected(line, id, field, field);
            }
            case EMPTY_STRING -> {
                switch (random.nextInt(4)) {
                    case 0 -> {
                        v.put("id", random.nextBoolean() ? "" : "   ");
                        return rejected(v, "", "id", "id");
                    }
                    case 1 -> {
                        v.put("kind", "");
                        return rejected(v, id, "kind", "kind");
                    }
                    case 2 -> {
                        firstFinding(v, random).put("code", "");
                        return rejected(v, id, "findings[0].code", "hazardCode must not be blank");
                    }
                    default -> {
                        firstFinding(v, random).put("id", "");
                        return rejected(v, id, "findings[0].id", "id");
                    }
                }
            }
            case UNKNOWN_CODE -> {
                ObjectNode f = firstFinding(v, random);
                f.put("code", random.nextBoolean() ? "NO_SUCH_HAZARD" : "隐患");
                f.remove("ratio");
                f.remove("quantity");
                return rejected(v, id, "findings[0].code", "NO_SUCH_HAZARD".equals(f.get("code").asText())
                        ? "NO_SUCH_HAZARD" : "隐患");
            }
            case UNKNOWN_KIND -> {
                v.put("kind", "NO_SUCH_KIND");
                return rejected(v, id, "kind", "NO_SUCH_KIND");
            }
            case INVALID_DATE -> {
                String[] bad = {"2024-02-30", "2024/02/10", "yesterday", "", "2024-13-01", "20240110"};
                String date = bad[random.nextInt(bad.length)];
                switch (random.nextInt(3)) {
                    case 0 -> {
                        v.put("date", date);
                        return rejected(v, id, "date", "is not a date");
                    }
                    case 1 -> {
                        firstFinding(v, random).put("foundOn", date);
                        return rejected(v, id, "findings[0].foundOn", "is not a date");
                    }
                    default -> {
                        firstFinding(v, random).putObject("plan").put("deadline", date);
                        return rejected(v, id, "findings[0].plan.deadline", "is not a date");
                    }
                }
            }
            case DATE_OUT_OF_RANGE -> {
                String[] far = {"+999999999-12-31", "0001-01-01", "3000-01-01", "1899-12-31", "+20240-01-10"};
                String date = far[random.nextInt(far.length)];
                switch (random.nextInt(3)) {
                    case 0 -> {
                        v.put("date", date);
                        return rejected(v, id, "date", "between 1900-01-01 and 2999-12-31");
                    }
                    case 1 -> {
                        firstFinding(v, random).put("foundOn", date);
                        return rejected(v, id, "findings[0].foundOn", "between 1900-01-01 and 2999-12-31");
                    }
                    default -> {
                        firstFinding(v, random).putObject("plan").put("deadline", date);
                        return rejected(v, id, "findings[0].plan.deadline", "between 1900-01-01 and 2999-12-31");
                    }
                }
            }
            case WRONG_ENCODING -> {
                v.put("name", "滨江宾馆消防通道");
                return new Case(v.toString().getBytes(Charset.forName("GBK")), id, Set.of(""), "--encoding GBK");
            }
            case CONTROL_IN_ID -> {
                String[] ids = {id + "\u0007", id + "\u001b[2J", id + "\u202E", "\u2066" + id, "\u0001" + id};
                v.put("id", ids[random.nextInt(ids.length)]);
                return rejected(v, "", "id", "control characters");
            }
            case RAW_CONTROL_CHARACTER -> {
                String line = v.toString().replace("\"场所" + id + "\"", "\"场所\u0001" + id + "\"");
                return rejected(line, id, "name", "CTRL-CHAR");
            }
            case DEEP_NESTING -> {
                int depth = 2 + random.nextInt(random.nextBoolean() ? 12 : 3_000);
                String line = v.toString().replace("\"场所" + id + "\"", "[".repeat(depth) + "]".repeat(depth));
                return rejected(line, id, "name", "");
            }
            case DUPLICATE_KEY -> {
                String[] keys = {"occupants", "kind", "date"};
                String key = keys[random.nextInt(keys.length)];
                String line = v.toString();
                line = line.substring(0, line.length() - 1) + ",\"" + key + "\":" + v.get(key).toString() + "}";
                return rejected(line, id, key, "Duplicate field '" + key + "'");
            }
            case TRAILING_CONTENT -> {
                String[] tails = {" {\"id\":\"X\",\"kind\":\"OFFICE\"}", " garbage", ",", " ]"};
                return rejected(v.toString() + tails[random.nextInt(tails.length)], id, "", "");
            }
            case UNKNOWN_FIELD -> {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        v.put("colour", "red");
                        return rejected(v, id, "colour", "unknown field 'colour'");
                    }
                    case 1 -> {
                        firstFinding(v, random).put("severity", 3);
                        return rejected(v, id, "findings[0].severity", "unknown field");
                    }
                    default -> {
                        firstFinding(v, random).putObject("plan").put("budget", "1万");
                        return rejected(v, id, "findings[0].plan.budget", "unknown field");
                    }
                }
            }
            case OUT_OF_RANGE -> {
                switch (random.nextInt(5)) {
                    case 0 -> {
                        v.put("occupants", -1 - random.nextInt(100));
                        return rejected(v, id, "occupants", "must be between 0 and");
                    }
                    case 1 -> {
                        v.put("floors", random.nextBoolean() ? 0 : 201);
                        return rejected(v, id, "floors", "must be between 1 and 200");
                    }
                    case 2 -> {
                        v.put("heightMeters", random.nextBoolean() ? -0.5 : 1_000.5);
                        return rejected(v, id, "heightMeters", "must be between");
                    }
                    case 3 -> {
                        firstFinding(v, random).put("timesFound", 0);
                        return rejected(v, id, "findings[0].timesFound", "must be between 1 and 1000");
                    }
                    default -> {
                        ObjectNode f = measured(v, HazardType.MEASURE_RATIO, random);
                        f.put("ratio", random.nextBoolean() ? 1.5 : -0.1);
                        return rejected(v, id, "findings[0].ratio", "must be between 0.0 and 1.0");
                    }
                }
            }
            case MISSING_MEASURE -> {
                ObjectNode f = measured(v, random.nextBoolean() ? HazardType.MEASURE_RATIO : HazardType.MEASURE_QUANTITY, random);
                boolean ratio = f.has("ratio");
                f.remove("ratio");
                f.remove("quantity");
                return rejected(v, id, ratio ? "findings[0].ratio" : "findings[0].quantity", ratio ? "ratio" : "quantity");
            }
            case DUPLICATE_FINDING_ID -> {
                ArrayNode findings = (ArrayNode) v.get("findings");
                firstFinding(v, random);
                ObjectNode copy = findings.get(0).deepCopy();
                findings.add(copy);
                return rejected(v, id, "findings[" + (findings.size() - 1) + "].id", "must be unique");
            }
            case TOO_MANY_FINDINGS -> {
                ArrayNode findings = (ArrayNode) v.get("findings");
                findings.removeAll();
                HazardType plain = HAZARDS.stream().filter(h -> h.measure().isEmpty()).findFirst().orElseThrow();
                for (int i = 0; i <= VenueFacts.MAX_FINDINGS; i++) {
                    findings.addObject().put("id", "F" + i).put("code", plain.code());
                }
                return rejected(v, id, "findings", "at most " + VenueFacts.MAX_FINDINGS);
            }
            case LONG_TEXT -> {
                String text = "长".repeat(io.firerisk.Venue.MAX_TEXT_LENGTH + 1 + random.nextInt(5_000));
                if (random.nextBoolean()) {
                    v.put("street", text);
                    return rejected(v, id, "street", "at most " + io.firerisk.Venue.MAX_TEXT_LENGTH);
                }
                firstFinding(v, random).put("location", text);
                return rejected(v, id, "findings[0].location", "at most " + io.firerisk.Venue.MAX_TEXT_LENGTH);
            }
            case LONG_ID -> {
                v.put("id", id + "-".repeat(io.firerisk.Venue.MAX_ID_LENGTH));
                return rejected(v, "", "id", "at most " + io.firerisk.Venue.MAX_ID_LENGTH);
            }
            case NOT_AN_OBJECT -> {
                String[] lines = {"[" + v + "]", "\"" + id + "\"", "42", "null", "true"};
                return rejected(lines[random.nextInt(lines.length)], id, "", "one JSON object per line");
            }
            default -> throw new IllegalStateException(spec.mutation().name());
        }
    }

    /** Makes the first finding one of a hazard measured this way, with its measure. */
    private static ObjectNode measured(ObjectNode v, String measure, Random random) {
        List<HazardType> of = HAZARDS.stream().filter(h -> h.measure().filter(measure::equals).isPresent()).toList();
        if (of.isEmpty()) {
            // the bundled catalogue measures by ratio only
            of = HAZARDS.stream().filter(h -> h.measure().isPresent()).toList();
        }
        ArrayNode findings = (ArrayNode) v.get("findings");
        ObjectNode f = validFinding("F0", of.get(random.nextInt(of.size())), random);
        if (findings.isEmpty()) {
            findings.add(f);
        } else {
            findings.set(0, f);
        }
        return f;
    }

    private static void set(ObjectNode node, String field, Object value) {
        JsonNode json = JSON.valueToTree(value);
        node.set(field, json);
    }
}
