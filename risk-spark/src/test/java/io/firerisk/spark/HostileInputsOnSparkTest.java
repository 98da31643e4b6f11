package io.firerisk.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile inputs the firerisk program rejects are rejected on Spark too, each with the program's file,
 * line, venue, field and message, never failing the job or disappearing; the records around them are the
 * program's results. Files are shared by several tasks, so a record's duplicate lies in another task's share.
 */
class HostileInputsOnSparkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void strayQuotesLongRowsBadBytesTwiceGivenIdsAndUnknownCodesAreTheProgramsRejectsAndTheRestItsResults()
            throws Exception {
        // Given a venue table and a findings table holding what the program rejects, among good rows
        ByteArrayOutputStream venues = new ByteArrayOutputStream();
        write(venues, "id,name,kind,occupants,date\n");
        write(venues, "V01,甲,OFFICE,20,2024-01-10\n");
        write(venues, "V02,\"滨江小吃,OFFICE,20,2024-01-10\n");          // a quote left open, running into a row
        write(venues, "V03,菜市场,MARKET,400,2024-01-10\n");
        write(venues, "V04,星光\",ENTERTAINMENT,300,2024-01-10\n");       // a stray quote
        write(venues, "V05,\"二楼\n东侧\",HOTEL,50,2024-01-10\n");        // a real cell over two lines
        venues.write("V06,".getBytes(StandardCharsets.UTF_8));
        venues.write("歌舞厅".getBytes(Charset.forName("GBK")));           // not UTF-8
        write(venues, ",ENTERTAINMENT,300,2024-01-10\n");
        write(venues, "V07," + "一".repeat(400_000) + ",OFFICE,20,2024-01-10\n");   // over 1 MiB
        write(venues, "V03,又一个,OFFICE,20,2024-01-10\n");               // V03 again
        write(venues, "V08,乙,OFFICE,-5,2024-01-10\n");                    // occupants out of range
        write(venues, "V09,丙,NO_SUCH_KIND,20,2024-01-10\n");              // the engine refuses the kind
        for (int i = 10; i < 40; i++) {
            write(venues, "V" + i + ",场所" + i + "," + (i % 3 == 0 ? "HOTEL" : i % 3 == 1 ? "MARKET" : "OFFICE") + ","
                    + (i * 13) + ",2024-0" + (1 + i % 3) + "-1" + (i % 9) + "\n");
        }
        Path venueTable = Files.write(dir.resolve("venues.csv"), venues.toByteArray());
        StringBuilder findings = new StringBuilder("venueId,id,code,location\n");
        findings.append("V01,F1,EXITS_TOO_FEW,二楼\n");
        findings.append("V03,F1,EXIT_LOCKED_OR_BLOCKED,一楼\n");
        findings.append("V10,F1,NOT_A_CODE,一楼\n");                      // the catalogue has no such code
        findings.append("WZ-9999,F1,EXITS_TOO_FEW,一楼\n");               // no such venue
        for (int i = 11; i < 40; i += 2) {
            findings.append("V").append(i).append(",F1,").append(i % 4 == 1 ? "EXITS_TOO_FEW" : "EXIT_LOCKED_OR_BLOCKED")
                    .append(",一楼\n");
        }
        Path findingsTable = Files.writeString(dir.resolve("findings.csv"), findings);

        // When the program and the job (three tasks sharing the file) assess them
        OnSpark.Run cli = OnSpark.firerisk(dir, "assess", venueTable.toString(), "--findings", findingsTable.toString(),
                "-f", "jsonl", "-o", "cli.jsonl", "--rejects", "cli-rejects.csv");
        OnSpark.Run job = OnSpark.job("assess", venueTable.toString(), "--findings", findingsTable.toString(), "-f",
                "jsonl", "-o", dir.resolve("spark").toString(), "--tasks-per-file", "3");

        // Then the job succeeds, and its results and rejects are the program's, record by record
        assertThat(cli.code()).as(cli.err()).isEqualTo(3);
        assertThat(job.code()).as(job.err()).isZero();
        assertSameAsProgram(List.of(dir.resolve("cli.jsonl")), List.of(dir.resolve("cli-rejects.csv")), dir.resolve("spark"));
        List<List<String>> rejects = sparkRejects(dir.resolve("spark"));
        assertThat(rejects).extracting(r -> r.get(2)).containsExactlyInAnyOrder(
                "V02", "V04", "", "V07", "V03", "V08", "V09", "V10", "WZ-9999");
        assertThat(job.out()).contains(" records: ").contains(rejects.size() + " rejected (3 tasks)");
        long assessed = OnSpark.lines(dir.resolve("spark/outcome=assessed")).size();
        assertThat(job.out()).startsWith((assessed + rejects.size()) + " records: " + assessed + " assessed");

        // And with --fail-on-rejects the same run exits with 3
        OnSpark.Run strict = OnSpark.job("assess", venueTable.toString(), "--findings", findingsTable.toString(), "-f",
                "jsonl", "-o", dir.resolve("strict").toString(), "--fail-on-rejects");
        assertThat(strict.code()).as(strict.err()).isEqualTo(3);
    }

    @Test
    void aFolderOfJsonLinesWithCrLineEndsBadJsonAndARepeatedIdIsRejectedAsTheProgramRejectsEachFile() throws Exception {
        // Given a folder: one file with old-Mac line ends and an id given twice, one with bad JSON and bad values
        Path in = Files.createDirectory(dir.resolve("in"));
        String good = "{\"id\":\"%s\",\"kind\":\"OFFICE\",\"occupants\":%d,\"date\":\"2024-01-10\","
                + "\"findings\":[{\"id\":\"F1\",\"code\":\"EXIT_LOCKED_OR_BLOCKED\"}]}";
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            a.append(String.format(good, "A" + i, 10 + i)).append('\r');
        }
        a.append(String.format(good, "A3", 99)).append('\r');
        Files.writeString(in.resolve("a.jsonl"), a);
        String b = String.format(good, "B1", 20) + "\n"
                + "{\"id\":\"B2\",\"kind\":\"OFFICE\",\"occupants\":20\n"                       // cut short
                + "{\"id\":\"B3\",\"kind\":\"OFFICE\",\"occupants\":20,\"occupants\":30}\n"     // a key twice
                + "{\"id\":\"B4\",\"kind\":\"OFFICE\",\"occupants\":\"many\"}\n"                 // not a number
                + String.format(good, "B5", 20).replace("EXIT_LOCKED_OR_BLOCKED", "NOT_A_CODE") + "\n"
                + String.format(good, "B6", 20) + "\n";
        Files.writeString(in.resolve("b.jsonl"), b);

        // When the program assesses each file and the job the folder
        List<Path> results = new ArrayList<>();
        List<Path> rejects = new ArrayList<>();
        for (String f : List.of("a.jsonl", "b.jsonl")) {
            OnSpark.Run cli = OnSpark.firerisk(dir, "assess", in.resolve(f).toString(), "-f", "jsonl", "-o",
                    f + ".out", "--rejects", f + ".rejects.csv");
            assertThat(cli.code()).as(cli.err()).isEqualTo(3);
            results.add(dir.resolve(f + ".out"));
            rejects.add(dir.resolve(f + ".rejects.csv"));
        }
        OnSpark.Run job = OnSpark.job("assess", in.toString(), "-f", "jsonl", "-o", dir.resolve("spark").toString(),
                "--tasks-per-file", "2");

        // Then the job's results and rejects are the program's for both files
        assertThat(job.code()).as(job.err()).isZero();
        assertSameAsProgram(results, rejects, dir.resolve("spark"));
        assertThat(sparkRejects(dir.resolve("spark"))).extracting(r -> r.get(2))
                .containsExactlyInAnyOrder("A3", "", "", "B4", "B5");   // B2 and B3 cannot be read far enough to name them
        assertThat(job.out()).startsWith("27 records: 22 assessed, 5 rejected (4 tasks)");
    }

    @Test
    void aGbkVenueTableWithAUtf8FindingsTableIsReadWithEachEncodingAsTheProgramReadsIt() throws Exception {
        // Given a venue table exported as GBK, with a UTF-8 line in it, and a findings table saved as UTF-8
        ByteArrayOutputStream venues = new ByteArrayOutputStream();
        venues.write("场所编号,名称,类型,容纳人数,检查日期\nK1,星光歌舞厅,ENTERTAINMENT,300,2024-01-10\n"
                .getBytes(Charset.forName("GBK")));
        venues.write("K2,菜市场,MARKET,400,2024-01-10\n".getBytes(StandardCharsets.UTF_8));
        venues.write("K3,宾馆,HOTEL,60,2024-01-10\n".getBytes(Charset.forName("GBK")));
        Path venueTable = Files.write(dir.resolve("场所.csv"), venues.toByteArray());
        Path findings = Files.writeString(dir.resolve("隐患.csv"), "场所编号,隐患编号,隐患代码,部位\n"
                + "K1,F1,EXITS_TOO_FEW,二楼\nK3,F1,EXIT_LOCKED_OR_BLOCKED,一楼\n");

        // When both assess them with --encoding GBK --findings-encoding UTF-8
        OnSpark.Run cli = OnSpark.firerisk(dir, "assess", venueTable.toString(), "--findings", findings.toString(),
                "--encoding", "GBK", "--findings-encoding", "UTF-8", "-f", "jsonl", "-o", "cli.jsonl", "--rejects",
                "cli-rejects.csv");
        OnSpark.Run job = OnSpark.job("assess", venueTable.toString(), "--findings", findings.toString(), "--encoding",
                "GBK", "--findings-encoding", "UTF-8", "-f", "jsonl", "-o", dir.resolve("spark").toString());

        // Then the names read right, and the UTF-8 line is the program's reject with its hint
        assertThat(job.code()).as(job.err()).isZero();
        assertSameAsProgram(List.of(dir.resolve("cli.jsonl")), List.of(dir.resolve("cli-rejects.csv")), dir.resolve("spark"));
        assertThat(OnSpark.lines(dir.resolve("spark/outcome=assessed"))).anyMatch(l -> l.contains("星光歌舞厅"));
        assertThat(sparkRejects(dir.resolve("spark"))).singleElement()
                .satisfies(r -> assertThat(r.get(4)).contains("--encoding UTF-8"));
        assertThat(cli.code()).isEqualTo(3);
    }

    @Test
    void aTableTheReaderCannotTakeStopsTheJobBeforeAnyTaskWithTheProgramsMessage() throws Exception {
        Path venues = Files.writeString(dir.resolve("venues.csv"), "id,kind,floors_above\nV1,OFFICE,3\n");

        OnSpark.Run cli = OnSpark.firerisk(dir, "assess", venues.toString(), "-f", "jsonl", "-o", "cli.jsonl");
        OnSpark.Run job = OnSpark.job("assess", venues.toString(), "-o", dir.resolve("spark").toString());

        assertThat(cli.code()).isEqualTo(1);
        assertThat(job.code()).isEqualTo(1);
        assertThat(job.err().strip()).isNotEmpty().isEqualTo(cli.err().strip());
        assertThat(dir.resolve("spark")).doesNotExist();
    }

    @Test
    void anOutputFolderThatExistsIsRefusedUnlessOverwriteIsGiven() throws Exception {
        Path venues = Files.copy(OnSpark.SAMPLE, dir.resolve("venues.jsonl"));
        Path out = Files.createDirectory(dir.resolve("out"));

        OnSpark.Run refused = OnSpark.job("assess", venues.toString(), "-o", out.toString());
        OnSpark.Run replaced = OnSpark.job("assess", venues.toString(), "-o", out.toString(), "--overwrite");

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("the output could not be written").contains("already exists");
        assertThat(replaced.code()).as(replaced.err()).isZero();
    }

    /** The job's results and rejects under {@code out} are those of the program's files, record by record. */
    private static void assertSameAsProgram(List<Path> cliResults, List<Path> cliRejects, Path out) throws IOException {
        List<String> expected = new ArrayList<>();
        for (Path p : cliResults) {
            if (Files.exists(p)) {
                expected.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        assertThat(OnSpark.sorted(OnSpark.lines(out.resolve("outcome=assessed")))).containsExactlyElementsOf(
                OnSpark.sorted(expected));
        List<List<String>> expectedRejects = new ArrayList<>();
        for (Path p : cliRejects) {
            if (Files.exists(p)) {
                expectedRejects.addAll(programRejects(p));
            }
        }
        assertThat(sparkRejects(out)).containsExactlyInAnyOrderElementsOf(expectedRejects);
    }

    /** The job's rejects as the rejects file's columns: file, line, venueId, field, message, record. */
    static List<List<String>> sparkRejects(Path out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : OnSpark.lines(out.resolve("outcome=rejected"))) {
            JsonNode n = JSON.readTree(line);
            rows.add(List.of(n.get("file").asText(), n.get("line").asText(), n.get("venueId").asText(),
                    n.get("field").asText(), n.get("message").asText(), n.get("record").asText()));
        }
        return rows;
    }

    /** The program's rejects file, without its header (read with no line limit: a record may be over 1 MiB). */
    static List<List<String>> programRejects(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        assertThat(rows.get(0)).containsExactly("file", "line", "venueId", "field", "message", "record");
        return rows.subList(1, rows.size());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
