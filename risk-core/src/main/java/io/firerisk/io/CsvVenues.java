package io.firerisk.io;

import io.firerisk.Finding;
import io.firerisk.InvalidFactException;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Venues from one CSV table and, optionally, their findings from a second, joined by venue id.
 *
 * <p>The join streams. A first pass over the findings counts the rows of each venue; the second
 * reads them alongside the venues, holding back only rows that come before their venue. When both
 * tables list venues in the same order, as exports of one system do, memory stays flat whatever
 * the size; out of order, it grows with the rows read ahead. A finding whose venue is not in the
 * venue table is rejected, never dropped. A finding row that cannot be read (not valid text, a stray
 * quote, over the line limit) is counted under the venue its start names and rejects that venue. A venue
 * id given a second time is rejected naming the line of the first, which took the venue's findings.
 */
final class CsvVenues implements VenueReader {

    private record FindingRow(CsvRecord row, String venueId) {}

    private final CsvReader venues;
    private final String venuesName;
    private final VenueCsv.Header<VenueCsv.VenueColumn> venueHeader;
    private final long total;
    private final CsvReader findings;
    private final String findingsName;
    private final VenueCsv.Header<VenueCsv.FindingColumn> findingHeader;
    private final Map<String, Integer> unread = new HashMap<>();
    private final Map<String, List<FindingRow>> readAhead = new HashMap<>();
    /** The line each venue id was first read on: an id given again is rejected, as in JSON Lines. */
    private final SeenIds seen = new SeenIds();
    private final ArrayDeque<VenueRecord> queued = new ArrayDeque<>();
    private boolean venuesDone;
    /** How many finding rows the last {@link #collect} found for its venue. */
    private int collected;
    private Iterator<Map.Entry<String, List<FindingRow>>> leftovers;

    CsvVenues(InputStream venuesIn, String venuesName, Charset charset, long total, Reopenable findingsFile,
            String findingsName, Charset findingsCharset) throws IOException, InputException {
        this.venues = CsvReader.open(venuesIn, charset, Encodings.OPTION);
        this.venuesName = venuesName;
        this.total = total;
        this.venueHeader = VenueCsv.venueHeader(nextRow(venues), venuesName);
        venues.expectColumns(venueHeader.width());
        this.findingsName = findingsName;
        if (findingsFile == null) {
            this.findings = null;
            this.findingHeader = null;
            return;
        }
        try (CsvReader count = CsvReader.open(findingsFile.open(), findingsCharset, Encodings.FINDINGS_OPTION)) {
            VenueCsv.Header<VenueCsv.FindingColumn> header = VenueCsv.findingHeader(nextRow(count), findingsName);
            count.expectColumns(header.width());
            for (CsvRecord row = nextRow(count); row != null; row = nextRow(count)) {
                String venueId = VenueCsv.findingVenueId(header, row);
                if (!venueId.isEmpty()) {
                    unread.merge(venueId, 1, Integer::sum);
                }
            }
        }
        this.findings = CsvReader.open(findingsFile.open(), findingsCharset, Encodings.FINDINGS_OPTION);
        this.findingHeader = VenueCsv.findingHeader(nextRow(findings), findingsName);
        findings.expectColumns(findingHeader.width());
    }

    /** The next row that holds something: spreadsheets export empty rows as lines of commas. */
    private static CsvRecord nextRow(CsvReader reader) throws IOException {
        CsvRecord row;
        do {
            row = reader.next();
        } while (row != null && row.blank() && !row.malformed() && row.error().isEmpty());
        return row;
    }

    @Override
    public Pending next() throws IOException {
        while (true) {
            if (!queued.isEmpty()) {
                return unit(queued.poll());
            }
            if (!venuesDone) {
                CsvRecord row = nextRow(venues);
                if (row != null) {
                    return unit(join(row));
                }
                venuesDone = true;
            }
            if (findings == null) {
                return null;
            }
            // Every venue has been read: what is left of the findings belongs to no venue.
            if (leftovers == null) {
                leftovers = readAhead.entrySet().iterator();
            }
            if (leftovers.hasNext()) {
                for (FindingRow orphan : leftovers.next().getValue()) {
                    queued.add(orphan(orphan));
                }
                continue;
            }
            CsvRecord row = nextRow(findings);
            if (row == null) {
                return null;
            }
            FindingRow f = findingRow(row);
            if (f != null) {
                queued.add(orphan(f));
            }
        }
    }

    /** A record already joined; its size counts its findings, which its own row's text does not hold. */
    private static Pending unit(VenueRecord r) {
        long findings = r instanceof VenueRecord.Parsed p ? p.facts().findings().size() * 200L : 0;
        return Pending.of(r.raw().length() + findings, () -> r);
    }

    private VenueRecord.Rejected orphan(FindingRow f) {
        if (!f.row().readable()) {
            return new VenueRecord.Rejected(origin(findingsName, f.row()), f.venueId(), findingHeader.nameAt(
                    f.row().column()), f.row().error() + "; and no venue '" + f.venueId() + "' is in " + venuesName,
                    f.row().raw());
        }
        return new VenueRecord.Rejected(origin(findingsName, f.row()), f.venueId(), findingHeader.name(
                VenueCsv.FindingColumn.VENUE_ID), "no venue '" + f.venueId() + "' in " + venuesName
                + ": the finding cannot be assessed", f.row().raw());
    }

    private static Origin origin(String file, CsvRecord row) {
        return new Origin(file, row.line());
    }

    /** A finding row with its venue id, or null when it names no venue (then it is queued as bad). */
    private FindingRow findingRow(CsvRecord row) {
        String venueId = VenueCsv.findingVenueId(findingHeader, row);
        if (!venueId.isEmpty()) {
            return new FindingRow(row, venueId);
        }
        String message = !row.error().isEmpty() ? row.error() + "; the row names no venue, so a venue may be assessed"
                + " without this finding" : "is required: the finding belongs to no venue";
        queued.add(new VenueRecord.Rejected(origin(findingsName, row), "", !row.error().isEmpty()
                ? findingHeader.nameAt(row.column()) : findingHeader.name(VenueCsv.FindingColumn.VENUE_ID), message,
                row.raw()));
        return null;
    }

    private VenueRecord join(CsvRecord row) throws IOException {
        Origin origin = origin(venuesName, row);
        String id = VenueCsv.venueId(venueHeader, row);
        long first = id.isEmpty() ? 0 : seen.firstLine(id, row.line());
        if (first > 0) {
            return new VenueRecord.Rejected(origin, id, venueHeader.name(VenueCsv.VenueColumn.ID), "venue '" + id
                    + "' appears again (first on line " + first + (findings == null ? "" : ", which took its findings")
                    + "): a venue is given once", row.raw());
        }
        collected = 0;
        List<FindingRow> rows = findings == null || id.isEmpty() ? List.of() : collect(id);
        if (collected > VenueFacts.MAX_FINDINGS) {
            return new VenueRecord.Rejected(origin, id, findingHeader.name(VenueCsv.FindingColumn.VENUE_ID), "venue '" + id
                    + "' has " + collected + " rows in " + findingsName + ", more than the " + VenueFacts.MAX_FINDINGS
                    + " findings one venue may have: the venue and its rows are skipped", row.raw());
        }
        if (!row.readable()) {
            return new VenueRecord.Rejected(origin, row.malformed() ? "" : id, venueHeader.nameAt(row.column()),
                    row.error(), row.raw());
        }
        Venue venue;
        LocalDate date;
        boolean judged;
        boolean noRealFireRisk;
        try {
            venue = VenueCsv.venue(venueHeader, row);
            date = VenueCsv.venueDate(venueHeader, row);
            judged = VenueCsv.judgedNotMajor(venueHeader, row);
            noRealFireRisk = VenueCsv.noRealFireRisk(venueHeader, row);
        } catch (BadRecord e) {
            return new VenueRecord.Rejected(origin, e.venueId, e.field, e.getMessage(), row.raw());
        }
        List<Finding> list = new ArrayList<>(rows.size());
        List<Origin> origins = new ArrayList<>(rows.size());
        for (FindingRow f : rows) {
            Origin at = origin(findingsName, f.row());
            if (!f.row().readable()) {
                // A finding row that cannot be read (not valid text, a stray quote, too long) may hold anything:
                // its venue is not assessed without it.
                return new VenueRecord.Rejected(at, id, findingHeader.nameAt(f.row().column()), f.row().error(),
                        f.row().raw());
            }
            try {
                list.add(VenueCsv.finding(findingHeader, f.row(), list.size() + 1));
            } catch (BadRecord e) {
                return new VenueRecord.Rejected(at, id, e.field, e.getMessage(), f.row().raw());
            }
            origins.add(at);
        }
        VenueFacts facts;
        try {
            facts = new VenueFacts(venue, list, date, judged, noRealFireRisk);
        } catch (InvalidFactException e) {
            // A finding id given twice: point at the second row, in the id column.
            Located at = locate(e.field(), origin, origins);
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            return new VenueRecord.Rejected(at.origin(), id, at.field(), colon < 0 ? message : message.substring(colon + 2),
                    at.origin().equals(origin) ? row.raw() : rows.get(origins.indexOf(at.origin())).row().raw());
        }
        Function<String, Located> locator = field -> locate(field, origin, origins);
        return new VenueRecord.Parsed(origin, facts, locator, row.raw());
    }

    private Located locate(String field, Origin venue, List<Origin> findingOrigins) {
        if (field.startsWith("findings[")) {
            int close = field.indexOf(']');
            try {
                int i = Integer.parseInt(field.substring("findings[".length(), close));
                String component = close + 2 <= field.length() ? field.substring(close + 2) : "";
                return new Located(findingOrigins.get(i), VenueCsv.findingColumn(findingHeader, component));
            } catch (RuntimeException e) {
                return new Located(venue, field);
            }
        }
        return new Located(venue, VenueCsv.venueColumn(venueHeader, field));
    }

    /**
     * The findings of one venue, reading ahead in the findings table as far as needed; their number
     * is left in {@link #collected}. Rows of a venue with more than {@link VenueFacts#MAX_FINDINGS}
     * are counted and dropped, never held, and none is returned.
     */
    private List<FindingRow> collect(String id) throws IOException {
        Integer needed = unread.remove(id);
        List<FindingRow> rows = readAhead.remove(id);
        if (rows == null) {
            rows = new ArrayList<>();
        }
        int need = needed == null ? 0 : needed;
        boolean tooMany = need > VenueFacts.MAX_FINDINGS;
        int seen = rows.size();
        if (tooMany) {
            rows = new ArrayList<>();
        }
        while (seen < need) {
            CsvRecord row = nextRow(findings);
            if (row == null) {
                break;
            }
            FindingRow f = findingRow(row);
            if (f == null) {
                continue;
            }
            if (f.venueId().equals(id)) {
                seen++;
                if (!tooMany) {
                    rows.add(f);
                }
            } else {
                readAhead.computeIfAbsent(f.venueId(), k -> new ArrayList<>()).add(f);
            }
        }
        collected = seen;
        return rows;
    }

    @Override
    public long consumed() {
        return venues.consumed();
    }

    @Override
    public long total() {
        return total;
    }

    @Override
    public String name() {
        return findings == null ? venuesName : venuesName + " + " + findingsName;
    }

    @Override
    public void close() throws IOException {
        venues.close();
        if (findings != null) {
            findings.close();
        }
    }
}
