package io.firerisk.io;

import io.firerisk.Finding;
import io.firerisk.VenueFacts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A venue table and a findings table as a spreadsheet exports them, then spoiled as files go wrong: a
 * stray quote anywhere in a row, a quote opened in one row and closed rows later (the case that used to
 * merge rows silently whenever the column count came out right), rows over the 1 MiB line limit, rows cut
 * short or with an unquoted comma; alongside what spreadsheets legitimately write (quoted cells with
 * commas, and with line breaks), lines ending in LF, CRLF or CR alone, findings in venue order or not.
 *
 * <p>Every value written identifies its row (venue V7 is named 名称7, of kind KIND_7, in 街道7, for 1007
 * people; its finding F7_2 has code CODE_7_2, at 部位7-2, quantity 702). Whatever the mutations:
 * records in = results + rejects, each venue exactly once; a venue whose rows were spoiled is rejected,
 * by its id, never assessed with what was left of them; every other venue is read with exactly the
 * values and findings of its own rows, never a value from another row.
 */
class MutatedCsvPropertiesTest {

    enum Mutation {
        NONE, MULTILINE_NAME, QUOTED_STREET, MULTILINE_LOCATION,
        STRAY_QUOTE_IN_VENUE_ROW, STRAY_QUOTE_IN_FINDING_ROW, QUOTE_CLOSED_IN_A_LATER_VENUE_ROW,
        QUOTE_CLOSED_IN_A_LATER_FINDING_ROW, LONG_VENUE_ROW, LONG_FINDING_ROW, TRUNCATED_VENUE_ROW, UNQUOTED_COMMA;

        boolean spoils() {
            return ordinal() > MULTILINE_LOCATION.ordinal();
        }
    }

    enum LineEnd {
        LF("\n"), CRLF("\r\n"), CR("\r");

        final String text;

        LineEnd(String text) {
            this.text = text;
        }
    }

    private static final String VENUE_HEADER = "id,name,kind,street,occupants,date";
    private static final int VENUE_COLUMNS = 6;
    private static final String FINDING_HEADER = "venueId,id,code,location,quantity";
    private static final int FINDING_COLUMNS = 5;
    private static final String LONG = "长".repeat(CsvReader.MAX_LINE_BYTES / 3 + 100);

    /** One venue as written, and what must be read back if it is not spoiled (its findings in file order). */
    private static final class Venue {
        final int index;
        Mutation mutation;
        boolean spoiled;
        String name;
        String street;
        String row;
        final List<FindingRow> findings = new ArrayList<>();

        Venue(int index) {
            this.index = index;
            this.name = "名称" + index;
            this.street = "街道" + index;
        }

        String id() {
            return "V" + index;
        }
    }

    private static final class FindingRow {
        final Venue venue;
        final int number;
        String location;
        String row;

        FindingRow(Venue venue, int number) {
            this.venue = venue;
            this.number = number;
            this.location = "部位" + venue.index + "-" + number;
        }
    }

    @Property(tries = 250)
    void everyVenueEndsAsItsOwnValuesOrARejectWhateverTheQuotesLinesAndLengths(
            @ForAll("mutations") List<Mutation> mutations, @ForAll long seed, @ForAll LineEnd ends,
            @ForAll boolean shuffled) throws IOException {
        // Given the two tables, spoiled as the mutations say
        Random random = new Random(seed);
        List<Venue> venues = new ArrayList<>();
        for (int i = 0; i < mutations.size(); i++) {
            Venue v = new Venue(i);
            v.mutation = mutations.get(i);
            venues.add(v);
            int findings = random.nextInt(4);
            if (v.mutation.name().contains("FINDING") || v.mutation == Mutation.MULTILINE_LOCATION) {
                findings = Math.max(1, findings);
            }
            for (int j = 0; j < findings; j++) {
                v.findings.add(new FindingRow(v, j));
            }
        }
        List<FindingRow> findingRows = new ArrayList<>();
        venues.forEach(v -> findingRows.addAll(v.findings));
        if (shuffled) {
            Collections.shuffle(findingRows, random);
        }
        for (Venue v : venues) {
            applyCellMutation(v, random);
            v.row = String.join(",", v.id(), v.name.contains("\n") ? quoted(v.name) : v.name, "KIND_" + v.index,
                    v.mutation == Mutation.QUOTED_STREET ? quoted(v.street) : v.street, String.valueOf(1000 + v.index),
                    "2024-01-" + (10 + v.index % 18));
            for (FindingRow f : v.findings) {
                f.row = String.join(",", v.id(), "F" + v.index + "_" + f.number, "CODE_" + v.index + "_" + f.number,
                        f.location.contains("\n") ? quoted(f.location) : f.location,
                        String.valueOf(100 * v.index + f.number));
            }
        }
        for (Venue v : venues) {
            applyRowMutation(v, venues, findingRows, random);
        }
        String venueTable = table(VENUE_HEADER, venues.stream().map(v -> v.row).toList(), ends);
        String findingTable = table(FINDING_HEADER, findingRows.stream().map(f -> f.row).toList(), ends);

        // When they are read and joined
        List<VenueRecord> records = new ArrayList<>();
        try (VenueReader reader = VenueReader.csv(bytes(venueTable), "venues.csv", StandardCharsets.UTF_8, -1,
                () -> bytes(findingTable), "findings.csv")) {
            for (VenueReader.Pending p = reader.next(); p != null; p = reader.next()) {
                records.add(p.parse());
            }
        } catch (InputException e) {
            throw new AssertionError(e);
        }

        // Then records in = results + rejects: each venue exactly once, as a result or a reject naming it
        String context = "\n--- venues\n" + cut(venueTable) + "\n--- findings\n" + cut(findingTable) + "\n--- read\n"
                + records.stream().map(MutatedCsvPropertiesTest::describe).reduce("", (a, b) -> a + b + "\n");
        Map<String, Integer> times = new HashMap<>();
        for (VenueRecord r : records) {
            times.merge(idOf(r), 1, Integer::sum);
        }
        Map<String, Integer> once = new HashMap<>();
        venues.forEach(v -> once.put(v.id(), 1));
        assertThat(times).as("each venue once: %s", context).isEqualTo(once);

        // and a venue is assessed exactly when none of its rows was spoiled, with its own values only
        for (VenueRecord r : records) {
            Venue v = venues.get(Integer.parseInt(idOf(r).substring(1)));
            if (v.spoiled) {
                assertThat(r).as("%s (%s) rejected: %s", v.id(), v.mutation, context).isInstanceOf(VenueRecord.Rejected.class);
                continue;
            }
            assertThat(r).as("%s (%s) read: %s", v.id(), v.mutation, context).isInstanceOf(VenueRecord.Parsed.class);
            VenueFacts facts = ((VenueRecord.Parsed) r).facts();
            assertThat(facts.venue().name()).as(context).isEqualTo(v.name);
            assertThat(facts.venue().kind()).as(context).isEqualTo("KIND_" + v.index);
            assertThat(facts.venue().street()).as(context).isEqualTo(v.street);
            assertThat(facts.venue().occupantCapacity()).as(context).isEqualTo(1000 + v.index);
            assertThat(facts.findings()).as(context).extracting(Finding::id, Finding::hazardCode, Finding::location,
                    Finding::quantity).containsExactlyElementsOf(findingRows.stream().filter(f -> f.venue == v)
                    .map(f -> Tuple.of("F" + v.index
                    + "_" + f.number, "CODE_" + v.index + "_" + f.number, f.location, 100 * v.index + f.number))
                    .map(t -> org.assertj.core.groups.Tuple.tuple(t.get1(), t.get2(), t.get3(), t.get4())).toList());
        }
    }

    /** What spreadsheets legitimately write: quoted cells holding commas, and line breaks (never a comma after the first). */
    private static void applyCellMutation(Venue v, Random random) {
        switch (v.mutation) {
            case MULTILINE_NAME -> v.name = "名称" + v.index + (random.nextBoolean() ? ", 东侧" : "") + "\n（二号楼）";
            case QUOTED_STREET -> v.street = "街道" + v.index + ", 社区 \"老街\"";
            case MULTILINE_LOCATION -> v.findings.get(0).location = "部位" + v.index + "-0, 后厨\n二楼";
            default -> { }
        }
    }

    private static void applyRowMutation(Venue v, List<Venue> venues, List<FindingRow> findingRows, Random random) {
        switch (v.mutation) {
            case STRAY_QUOTE_IN_VENUE_ROW -> {
                v.row = insert(v.row, random.nextInt(v.row.length() + 1), "\"");
                v.spoiled = true;
            }
            case STRAY_QUOTE_IN_FINDING_ROW -> {
                FindingRow f = v.findings.get(random.nextInt(v.findings.size()));
                f.row = insert(f.row, random.nextInt(f.row.length() + 1), "\"");
                v.spoiled = true;
            }
            case QUOTE_CLOSED_IN_A_LATER_VENUE_ROW -> {
                // A quote opening a cell of this row, and one closing a cell of a later row: the same column, so
                // that read as one quoted cell the row would have the header's width
                List<Venue> later = venues.subList(v.index + 1, venues.size()).stream()
                        .filter(o -> o.mutation == Mutation.NONE && !o.spoiled).toList();
                int column = 2 + random.nextInt(VENUE_COLUMNS - 1);
                v.row = openQuote(v.row, column);
                v.spoiled = true;
                if (!later.isEmpty()) {
                    Venue closing = later.get(random.nextInt(Math.min(3, later.size())));
                    closing.row = closeQuote(closing.row, random.nextInt(4) == 0 ? 1 + random.nextInt(VENUE_COLUMNS) : column);
                    closing.spoiled = true;
                }
            }
            case QUOTE_CLOSED_IN_A_LATER_FINDING_ROW -> {
                FindingRow open = v.findings.get(random.nextInt(v.findings.size()));
                int at = findingRows.indexOf(open);
                List<FindingRow> later = findingRows.subList(at + 1, findingRows.size()).stream()
                        .filter(f -> f.venue == v || (f.venue.mutation == Mutation.NONE && !f.venue.spoiled)).toList();
                int column = 2 + random.nextInt(FINDING_COLUMNS - 1);
                open.row = openQuote(open.row, column);
                v.spoiled = true;
                if (!later.isEmpty()) {
                    FindingRow closing = later.get(random.nextInt(Math.min(3, later.size())));
                    closing.row = closeQuote(closing.row, random.nextInt(4) == 0 ? 1 + random.nextInt(FINDING_COLUMNS) : column);
                    closing.venue.spoiled = true;
                }
            }
            case LONG_VENUE_ROW -> {
                v.row = v.row.replace(v.name, v.name + LONG);
                v.spoiled = true;
            }
            case LONG_FINDING_ROW -> {
                FindingRow f = v.findings.get(random.nextInt(v.findings.size()));
                f.row = f.row.replace(f.location, f.location + LONG);
                v.spoiled = true;
            }
            case TRUNCATED_VENUE_ROW -> {
                String[] cells = v.row.split(",");
                v.row = String.join(",", java.util.Arrays.copyOf(cells, 2 + random.nextInt(VENUE_COLUMNS - 2)));
                v.spoiled = true;
            }
            case UNQUOTED_COMMA -> {
                v.row = v.row.replace(v.street, v.street + ",社区");
                v.spoiled = true;
            }
            default -> { }
        }
    }

    /** A quote at the start of the cell {@code column} (from 1) of a row without quotes. */
    private static String openQuote(String row, int column) {
        int at = 0;
        for (int c = 1; c < column; c++) {
            at = row.indexOf(',', at) + 1;
        }
        return insert(row, at, "\"");
    }

    /** A quote at the end of the cell {@code column} (from 1) of a row without quotes. */
    private static String closeQuote(String row, int column) {
        int at = -1;
        for (int c = 1; c <= column; c++) {
            at = row.indexOf(',', at + 1);
            if (at < 0) {
                at = row.length();
                break;
            }
        }
        return insert(row, at, "\"");
    }

    private static String insert(String text, int at, String what) {
        return text.substring(0, at) + what + text.substring(at);
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    private static String table(String header, List<String> rows, LineEnd ends) {
        StringBuilder text = new StringBuilder(header).append(ends.text);
        for (String row : rows) {
            text.append(row).append(ends.text);
        }
        return text.toString();
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String idOf(VenueRecord r) {
        return r instanceof VenueRecord.Parsed p ? p.facts().venue().id() : ((VenueRecord.Rejected) r).venueId();
    }

    private static String describe(VenueRecord r) {
        return r instanceof VenueRecord.Parsed p ? "parsed " + p.facts().venue().id() + " at " + p.origin()
                : "rejected '" + ((VenueRecord.Rejected) r).venueId() + "' at " + r.origin() + ": "
                + ((VenueRecord.Rejected) r).message();
    }

    private static String cut(String text) {
        return text.replace(LONG, "<1 MiB>").replace("\r", "\\r");
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(Mutation.NONE)),
                Tuple.of(2, Arbitraries.of(Mutation.MULTILINE_NAME, Mutation.QUOTED_STREET, Mutation.MULTILINE_LOCATION)),
                Tuple.of(3, Arbitraries.of(Mutation.STRAY_QUOTE_IN_VENUE_ROW, Mutation.STRAY_QUOTE_IN_FINDING_ROW)),
                Tuple.of(4, Arbitraries.of(Mutation.QUOTE_CLOSED_IN_A_LATER_VENUE_ROW,
                        Mutation.QUOTE_CLOSED_IN_A_LATER_FINDING_ROW)),
                Tuple.of(2, Arbitraries.of(Mutation.TRUNCATED_VENUE_ROW, Mutation.UNQUOTED_COMMA)),
                Tuple.of(1, Arbitraries.of(Mutation.LONG_VENUE_ROW, Mutation.LONG_FINDING_ROW)));
        return one.list().ofMinSize(1).ofMaxSize(12);
    }

    /** The spoiling mutations each spoil at least their own venue: no mutation is forgotten in {@link Mutation#spoils()}. */
    @net.jqwik.api.Example
    void everySpoilingMutationIsMarkedSo() {
        Set<Mutation> benign = new HashSet<>(List.of(Mutation.NONE, Mutation.MULTILINE_NAME, Mutation.QUOTED_STREET,
                Mutation.MULTILINE_LOCATION));
        for (Mutation m : Mutation.values()) {
            assertThat(m.spoils()).as(m.name()).isEqualTo(!benign.contains(m));
        }
    }
}
