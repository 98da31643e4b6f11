package io.firerisk.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * The tables, through JDBI: the log ({@code ledger_event}) and the projections. Only this class
 * writes SQL; statements are portable between H2 and PostgreSQL except the upsert, which each
 * dialect spells its own way.
 */
final class Store {

    static final String EVENT_COLUMNS = "seq, event_id, stream, stream_version, event_type, venue_id, actor, "
            + "happened_at, recorded_at, payload";

    final Jdbi jdbi;
    final boolean postgres;

    Store(Jdbi jdbi, boolean postgres) {
        this.jdbi = jdbi;
        this.postgres = postgres;
    }

    // ---- the log -------------------------------------------------------------------------------

    /** An event checked and ready to insert. */
    record Pending(String eventId, String stream, int version, Event event, String venueId, String actor,
            Instant happenedAt, Instant recordedAt, String digest, String payload) {
        RecordedEvent recorded(long seq) {
            return new RecordedEvent(seq, eventId, stream, version, venueId == null ? "" : venueId, actor, happenedAt,
                    recordedAt, event);
        }
    }

    /** An event already in the log under an id, and the digest of what was submitted with it. */
    record Existing(String digest, RecordedEvent event) {}

    static RecordedEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
        EventType type = EventType.valueOf(rs.getString("event_type"));
        String eventId = rs.getString("event_id");
        Event event;
        try {
            event = Codec.event(type, rs.getString("payload"));
        } catch (JsonProcessingException e) {
            throw new LedgerException("event " + eventId + " (sequence " + rs.getLong("seq") + ") cannot be read as "
                    + type + ": " + e.getOriginalMessage(), e);
        }
        String venue = rs.getString("venue_id");
        return new RecordedEvent(rs.getLong("seq"), eventId, rs.getString("stream"), rs.getInt("stream_version"),
                venue == null ? "" : venue, rs.getString("actor"), instant(rs, "happened_at"),
                instant(rs, "recorded_at"), event);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    List<RecordedEvent> stream(Handle h, String stream) {
        return h.createQuery("select " + EVENT_COLUMNS + " from ledger_event where stream = :s order by stream_version")
                .bind("s", stream).map(Store::event).list();
    }

    /** The events of several streams at once, each list in version order. */
    Map<String, List<RecordedEvent>> streams(Handle h, Collection<String> streams) {
        Map<String, List<RecordedEvent>> out = new HashMap<>();
        List<String> all = new ArrayList<>(streams);
        for (int i = 0; i < all.size(); i += 500) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
            h.createQuery("select " + EVENT_COLUMNS + " from ledger_event where stream in (<s>) order by stream, stream_version")
                    .bindList("s", chunk).map(Store::event)
                    .forEach(e -> out.computeIfAbsent(e.stream(), k -> new ArrayList<>()).add(e));
        }
        return out;
    }

    List<RecordedEvent> venue(Handle h, String venueId) {
        return h.createQuery("select " + EVENT_COLUMNS + " from ledger_event where venue_id = :v order by seq")
                .bind("v", venueId).map(Store::event).list();
    }

    /** Events about the venue that happened before {@code before}, in the order to fold them. */
    List<RecordedEvent> venueBefore(Handle h, String venueId, Instant before) {
        return h.createQuery("select " + EVENT_COLUMNS + " from ledger_event where venue_id = :v and happened_at < :t "
                        + "order by happened_at, seq")
                .bind("v", venueId).bind("t", utc(before)).map(Store::event).list();
    }

    /** Every event that happened before {@code before} (all when null), in the order to fold them, streamed. */
    void each(Handle h, Instant before, Consumer<RecordedEvent> sink) {
        String sql = "select " + EVENT_COLUMNS + " from ledger_event"
                + (before == null ? "" : " where happened_at < :t") + " order by happened_at, seq";
        var q = h.createQuery(sql).setFetchSize(2_000);
        if (before != null) {
            q.bind("t", utc(before));
        }
        try (var it = q.map(Store::event).stream()) {
            it.forEach(sink);
        }
    }

    /** Every event in the order it was recorded, streamed (for an export). */
    void eachRecorded(Handle h, Consumer<RecordedEvent> sink) {
        try (var it = h.createQuery("select " + EVENT_COLUMNS + " from ledger_event order by seq").setFetchSize(2_000)
                .map(Store::event).stream()) {
            it.forEach(sink);
        }
    }

    Map<String, Existing> existing(Handle h, Collection<String> eventIds) {
        Map<String, Existing> out = new HashMap<>();
        List<String> all = new ArrayList<>(eventIds);
        for (int i = 0; i < all.size(); i += 500) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
            h.createQuery("select " + EVENT_COLUMNS + ", digest from ledger_event where event_id in (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> new Existing(rs.getString("digest"), event(rs, ctx)))
                    .forEach(x -> out.put(x.event().eventId(), x));
        }
        return out;
    }

    /** The highest sequence number in the log (0 when empty): with {@link #lockLog}, every event at or below it is committed. */
    long mark(Handle h) {
        return h.createQuery("select coalesce(max(seq), 0) from ledger_event").mapTo(Long.class).one();
    }

    /** The events numbered above {@code mark}, in the order they were recorded (an index range on seq). */
    List<RecordedEvent> after(Handle h, long mark) {
        return h.createQuery("select " + EVENT_COLUMNS + " from ledger_event where seq > :m order by seq")
                .bind("m", mark).map(Store::event).list();
    }

    /** Whether an event numbered above {@code mark} is of one of the types (an index range on seq). */
    boolean anyAfter(Handle h, long mark, Collection<EventType> types) {
        return h.createQuery("select count(*) from ledger_event where seq > :m and event_type in (<t>)")
                .bind("m", mark).bindList("t", types.stream().map(Enum::name).toList()).mapTo(Long.class).one() > 0;
    }

    /**
     * Takes the log's write lock (the campaign's row of {@code ledger_meta}) until the transaction ends, before
     * inserting events. Writers then number their events in the order they commit: a reader that has seen
     * sequence number n never later sees an event numbered below n appear, so "the events above the mark I
     * read" is all that was recorded since (which is how kept pages and folds catch up with the log).
     */
    void lockLog(Handle h) {
        h.createQuery("select meta_value from ledger_meta where meta_key = 'campaign' for update").mapTo(String.class)
                .list();
    }

    long eventCount(Handle h) {
        return h.createQuery("select count(*) from ledger_event").mapTo(Long.class).one();
    }

    /** Inserts one by one, returning each event with its sequence number. */
    List<RecordedEvent> insert(Handle h, List<Pending> pending) {
        List<RecordedEvent> out = new ArrayList<>();
        for (Pending p : pending) {
            long seq = h.createUpdate("insert into ledger_event (event_id, stream, stream_version, event_type, venue_id, "
                            + "actor, happened_at, recorded_at, digest, payload) values (:id, :stream, :version, :type, "
                            + ":venue, :actor, :happened, :recorded, :digest, :payload)")
                    .bind("id", p.eventId()).bind("stream", p.stream()).bind("version", p.version())
                    .bind("type", p.event().type().name()).bind("venue", p.venueId()).bind("actor", p.actor())
                    .bind("happened", utc(p.happenedAt())).bind("recorded", utc(p.recordedAt()))
                    .bind("digest", p.digest()).bind("payload", p.payload())
                    .executeAndReturnGeneratedKeys("seq").mapTo(Long.class).one();
            out.add(p.recorded(seq));
        }
        return out;
    }

    /**
     * Inserts many at once; their sequence numbers are not read back. PostgreSQL takes them through
     * COPY, several times faster than a batch of inserts; it is part of the transaction all the same.
     */
    void insertBatch(Handle h, List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        if (postgres) {
            copy(h, pending);
            return;
        }
        PreparedBatch b = h.prepareBatch("insert into ledger_event (event_id, stream, stream_version, event_type, "
                + "venue_id, actor, happened_at, recorded_at, digest, payload) values (:id, :stream, :version, :type, "
                + ":venue, :actor, :happened, :recorded, :digest, :payload)");
        for (Pending p : pending) {
            b.bind("id", p.eventId()).bind("stream", p.stream()).bind("version", p.version())
                    .bind("type", p.event().type().name()).bind("venue", p.venueId()).bind("actor", p.actor())
                    .bind("happened", utc(p.happenedAt())).bind("recorded", utc(p.recordedAt()))
                    .bind("digest", p.digest()).bind("payload", p.payload()).add();
        }
        b.execute();
    }

    private static void copy(Handle h, List<Pending> pending) {
        StringBuilder text = new StringBuilder(pending.size() * 600);
        for (Pending p : pending) {
            field(text, p.eventId()).append('\t');
            field(text, p.stream()).append('\t');
            text.append(p.version()).append('\t');
            field(text, p.event().type().name()).append('\t');
            field(text, p.venueId()).append('\t');
            field(text, p.actor()).append('\t');
            text.append(utc(p.happenedAt())).append('\t');
            text.append(utc(p.recordedAt())).append('\t');
            field(text, p.digest()).append('\t');
            field(text, p.payload()).append('\n');
        }
        try {
            org.postgresql.PGConnection pg = h.getConnection().unwrap(org.postgresql.PGConnection.class);
            pg.getCopyAPI().copyIn("copy ledger_event (event_id, stream, stream_version, event_type, venue_id, actor, "
                    + "happened_at, recorded_at, digest, payload) from stdin", new java.io.StringReader(text.toString()));
        } catch (SQLException | java.io.IOException e) {
            throw new LedgerException("could not copy " + pending.size() + " events into ledger_event: " + e.getMessage(), e);
        }
    }

    /** A value in COPY's text format: {@code \N} for null, backslash escapes for the separators. */
    private static StringBuilder field(StringBuilder b, String v) {
        if (v == null) {
            return b.append("\\N");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b;
    }

    // ---- projections ---------------------------------------------------------------------------

    static final String[] HAZARD = {"hazard_id", "venue_id", "unit_id", "street", "community", "grid", "grade", "hazard_code", "category", "state", "found_on", "deadline",
            "supervised", "extensions_approved", "reopenings", "failed_reinspections", "closed_on", "version",
            "last_change"};
    static final String[] VENUE = {"venue_id", "name", "kind", "unit_id", "area", "street", "community", "grid",
            "registered_at", "version"};
    static final String[] INSPECTION = {"inspection_id", "venue_id", "kind", "inspected_on", "inspectors", "note",
            "recorded_by", "no_real_fire_risk"};
    static final String[] PLAN = {"plan_id", "plan_date", "seed", "draw_count", "street", "per_venue", "previous_plan",
            "candidates", "visits", "drawn_by", "drawn_at", "published_by", "published_at", "note", "version"};
    static final String[] EDUCATION = {"activity_id", "unit_id", "activity", "held_on", "participants", "note",
            "recorded_by"};
    static final String[] AREA = {"code", "level", "name", "parent", "version"};
    static final String[] UNIT = {"unit_id", "name", "kind", "parent", "version"};
    static final String[] PERSON = {"person_id", "name", "unit_id", "roles", "version"};

    /**
     * Insert-or-replace of whole rows keyed by the first column, in one batch. On PostgreSQL a large
     * batch goes through COPY into a staging table and one {@code insert … on conflict} from it.
     */
    void upsert(Handle h, String table, String[] columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres && rows.size() >= 50) {
            stagedUpsert(h, table, columns, rows);
            return;
        }
        PreparedBatch b = h.prepareBatch(upsertSql(table, columns));
        for (Object[] row : rows) {
            for (int i = 0; i < columns.length; i++) {
                b.bind(i, row[i]);
            }
            b.add();
        }
        b.execute();
    }

    private void stagedUpsert(Handle h, String table, String[] columns, List<Object[]> rows) {
        String stage = "stage_" + table;
        String names = String.join(", ", columns);
        h.execute("create temporary table if not exists " + stage + " as select " + names + " from " + table
                + " with no data");
        h.execute("truncate " + stage);
        StringBuilder text = new StringBuilder(rows.size() * 200);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                field(text, row[i] == null ? null : row[i].toString());
            }
            text.append('\n');
        }
        try {
            org.postgresql.PGConnection pg = h.getConnection().unwrap(org.postgresql.PGConnection.class);
            pg.getCopyAPI().copyIn("copy " + stage + " (" + names + ") from stdin", new java.io.StringReader(text.toString()));
        } catch (SQLException | java.io.IOException e) {
            throw new LedgerException("could not copy " + rows.size() + " rows into " + stage + ": " + e.getMessage(), e);
        }
        StringJoiner sets = new StringJoiner(", ");
        for (int i = 1; i < columns.length; i++) {
            sets.add(columns[i] + " = excluded." + columns[i]);
        }
        h.execute("insert into " + table + " (" + names + ") select " + names + " from " + stage + " on conflict ("
                + columns[0] + ") do update set " + sets);
    }

    private String upsertSql(String table, String[] columns) {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        StringJoiner sets = new StringJoiner(", ");
        for (int i = 0; i < columns.length; i++) {
            names.add(columns[i]);
            marks.add("?");
            if (i > 0) {
                sets.add(columns[i] + " = excluded." + columns[i]);
            }
        }
        if (postgres) {
            return "insert into " + table + " (" + names + ") values (" + marks + ") on conflict (" + columns[0]
                    + ") do update set " + sets;
        }
        return "merge into " + table + " (" + names + ") key (" + columns[0] + ") values (" + marks + ")";
    }

    /** Stores venues' grades (grade, verdict, suspension, date, venue id per row), on the venue and its hazards. */
    void setGrade(Handle h, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch b = h.prepareBatch("update ledger_venue set grade = ?, verdict = ?, suspension = ?, assessed_on = ? "
                + "where venue_id = ?");
        PreparedBatch hazards = h.prepareBatch("update ledger_hazard set grade = ? where venue_id = ?");
        for (Object[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                b.bind(i, r[i]);
            }
            b.add();
            hazards.bind(0, r[0]).bind(1, r[4]).add();
        }
        b.execute();
        hazards.execute();
    }

    /** A venue's unit and area codes, copied onto its hazards' rows when the venue changes. */
    void venueOntoHazards(Handle h, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch b = h.prepareBatch("update ledger_hazard set unit_id = ?, street = ?, community = ?, grid = ? "
                + "where venue_id = ?");
        for (Object[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                b.bind(i, r[i]);
            }
            b.add();
        }
        b.execute();
    }

    /** Locks the venues' projection rows, in id order, until the transaction ends. */
    void lockVenues(Handle h, Collection<String> venueIds) {
        List<String> all = new ArrayList<>(new java.util.TreeSet<>(venueIds));
        for (int i = 0; i < all.size(); i += 500) {
            h.createQuery("select venue_id from ledger_venue where venue_id in (<v>) order by venue_id for update")
                    .bindList("v", all.subList(i, Math.min(all.size(), i + 500))).mapTo(String.class).list();
        }
    }

    /**
     * Whether every venue's grade in the projection was assessed as of {@code day} (none waits for re-assessment,
     * none is of another day): then the projections are the ledger as of the end of that day, grades included.
     */
    boolean assessedAsOf(Handle h, LocalDate day) {
        return h.createQuery("select count(*) from ledger_venue where assessed_on is null or assessed_on < :d "
                + "or assessed_on > :d").bind("d", day).mapTo(Long.class).one() == 0;
    }

    /** Whether no event numbered above {@code mark} happened at or after {@code instant} (a range on seq). */
    boolean noneHappenedFrom(Handle h, long mark, Instant instant) {
        return h.createQuery("select count(*) from ledger_event where seq > :m and happened_at >= :t").bind("m", mark)
                .bind("t", utc(instant)).mapTo(Long.class).one() == 0;
    }

    /** Up to {@code limit} venues whose grade is not of {@code day} (or waits for re-assessment). */
    List<String> notAssessedOn(Handle h, LocalDate day, int limit) {
        return h.createQuery("select venue_id from ledger_venue where assessed_on is null or assessed_on < :d "
                + "or assessed_on > :d order by venue_id fetch first " + limit + " rows only").bind("d", day)
                .mapTo(String.class).list();
    }

    /** Those of the venues whose grade is still not of {@code day} (or waits for re-assessment), in the given order. */
    List<String> notAssessedOn(Handle h, LocalDate day, List<String> venueIds) {
        Set<String> stale = new HashSet<>(h.createQuery("select venue_id from ledger_venue where venue_id in (<v>) "
                + "and (assessed_on is null or assessed_on < :d or assessed_on > :d)").bindList("v", venueIds)
                .bind("d", day).mapTo(String.class).list());
        return venueIds.stream().filter(stale::contains).toList();
    }

    /** Marks venues for re-assessment ({@code assessed_on} null): their hazards changed in a bulk write. */
    void markStale(Handle h, Collection<String> venueIds) {
        List<String> all = new ArrayList<>(new java.util.TreeSet<>(venueIds));
        for (int i = 0; i < all.size(); i += 500) {
            h.createUpdate("update ledger_venue set assessed_on = null where venue_id in (<v>)")
                    .bindList("v", all.subList(i, Math.min(all.size(), i + 500))).execute();
        }
    }

    void clearProjections(Handle h) {
        for (String t : List.of("ledger_education", "ledger_plan", "ledger_hazard", "ledger_inspection", "ledger_venue", "ledger_person", "ledger_unit",
                "ledger_area")) {
            h.execute("delete from " + t);
        }
    }

    /**
     * Refreshes PostgreSQL's statistics of the growing tables. A bulk import into new tables otherwise
     * runs on the plans made for empty ones (sequential scans where an index lookup is meant), and
     * slows down as the tables grow until autovacuum catches up.
     */
    void analyze() {
        if (postgres) {
            jdbi.useHandle(h -> h.execute("analyze ledger_event"));
        }
    }

    // ---- meta ----------------------------------------------------------------------------------

    /**
     * The projections' stamp: a number moved (by {@link #bumpStamp}) in every transaction that writes projection
     * rows without recording an event (grades assessed for a new day, a rebuild). With the log's mark it tells what a
     * copy of the projections kept in memory ({@link TodayCounts}) must catch up with, in any process on the database.
     */
    long stamp(Handle h) {
        String v = meta(h, STAMP);
        return v == null ? 0 : Long.parseLong(v);
    }

    /** Moves the stamp; the row (made by migration V5) stays locked until the transaction ends. */
    void bumpStamp(Handle h) {
        if (h.createUpdate("update ledger_meta set meta_value = cast(cast(meta_value as bigint) + 1 as varchar(400)) "
                + "where meta_key = '" + STAMP + "'").execute() == 0) {
            setMeta(h, STAMP, "1");
        }
    }

    private static final String STAMP = "projection_stamp";

    String meta(Handle h, String key) {
        return h.createQuery("select meta_value from ledger_meta where meta_key = :k").bind("k", key)
                .mapTo(String.class).findOne().orElse(null);
    }

    void setMeta(Handle h, String key, String value) {
        upsert(h, "ledger_meta", new String[] {"meta_key", "meta_value"}, List.<Object[]>of(new Object[] {key, value}));
    }
}
