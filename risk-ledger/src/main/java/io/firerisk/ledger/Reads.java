package io.firerisk.ledger;

import io.firerisk.RiskGrade;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The ledger as it stands, read from the projections with SQL: the hazard list and counts. Dates
 * and enum names are written into the SQL as literals (they come from the code, never from a
 * caller's text); every value a caller gives is bound.
 */
final class Reads {
    private Reads() {}

    private static final String AWAITING = EnumSet.allOf(HazardState.class).stream()
            .filter(HazardState::awaitsRectification).map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", ", "h.state in (", ")"));

    private static String date(LocalDate d) {
        return "DATE '" + d + "'";
    }

    private static String overdue(LocalDate today) {
        return "(" + AWAITING + " and h.deadline < " + date(today) + ")";
    }

    /** A WHERE clause and its bindings. */
    private static final class Where {
        final List<String> conditions = new ArrayList<>();
        final Map<String, Collection<?>> lists = new LinkedHashMap<>();

        void in(String column, Collection<?> values) {
            if (!values.isEmpty()) {
                String name = "p" + lists.size();
                conditions.add(column + " in (<" + name + ">)");
                lists.put(name, values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v).toList());
            }
        }

        String sql() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }

        TotalKey key(String sql) {
            return new TotalKey(sql, lists.values().stream().map(v -> List.<Object>copyOf(v)).toList());
        }

        <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bind(T q) {
            lists.forEach((k, v) -> q.bindList(k, new ArrayList<>(v)));
            return q;
        }
    }

    private static Where where(HazardQuery q, LocalDate today, LedgerPolicy policy) {
        Where w = new Where();
        w.in("h.venue_id", q.venueIds());
        w.in("h.unit_id", q.units());
        w.in("h.street", q.streets());
        w.in("h.community", q.communities());
        w.in("h.grid", q.grids());
        w.in("h.state", q.states());
        w.in("h.grade", q.grades());
        w.in("h.category", q.categories());
        w.in("h.hazard_code", q.codes());
        q.overdue().ifPresent(o -> w.conditions.add(o ? overdue(today) : "not " + overdue(today)));
        if (q.dueSoon()) {
            w.conditions.add("(" + AWAITING + " and h.deadline >= " + date(today) + " and h.deadline <= "
                    + date(today.plusDays(policy.escalation().dueSoonDays())) + ")");
        }
        q.supervised().ifPresent(s -> w.conditions.add(s ? "h.supervised = true" : "h.supervised = false"));
        if (q.minEscalation() > 0) {
            if (q.minEscalation() > policy.escalation().levels().size()) {
                w.conditions.add("1 = 0");
            } else {
                int after = policy.escalation().levels().get(q.minEscalation() - 1).afterDaysOverdue();
                w.conditions.add("(" + AWAITING + " and h.deadline <= " + date(today.minusDays(after)) + ")");
            }
        }
        return w;
    }

    private static final String FROM = " from ledger_hazard h join ledger_venue v on v.venue_id = h.venue_id";

    /** How a page gets its total: counted, or a count kept for the same SQL and bindings while it still holds. */
    interface Totals {
        /** The total: {@code count} runs the count; {@code key} is its SQL with the values bound to it. */
        long total(TotalKey key, java.util.function.LongSupplier count);

        Totals COUNTED = (key, count) -> count.getAsLong();
    }

    /**
     * A count's SQL and the values bound to it, each list as a list: a structured key, so two filters whose values
     * print alike (two streets {@code A} and {@code B}, or one street named {@code "A, B"}) are never one key.
     */
    record TotalKey(String sql, List<List<Object>> values) {
        TotalKey {
            values = values.stream().map(List::copyOf).toList();
        }
    }

    static Page<HazardRow> page(Handle h, HazardQuery q, LocalDate today, LedgerPolicy policy) {
        return page(h, q, today, policy, Totals.COUNTED);
    }

    static Page<HazardRow> page(Handle h, HazardQuery q, LocalDate today, LedgerPolicy policy, Totals totals) {
        Where w = where(q, today, policy);
        String count = "select count(*) from ledger_hazard h" + w.sql();
        long total = totals.total(w.key(count), () -> w.bind(h.createQuery(count)).mapTo(Long.class).one());
        String sql = "select h.*, v.name as venue_name" + FROM + w.sql()
                + " order by " + orderBy(q.sort(), q.ascending(), today, isPostgres(h))
                + " limit " + q.limit() + " offset " + q.offset();
        Query query = w.bind(h.createQuery(sql));
        List<HazardRow> rows = query.map((rs, ctx) -> row(rs, today, policy)).list();
        return new Page<>(rows, total, q.offset(), q.limit());
    }

    private static boolean isPostgres(Handle h) {
        try {
            return h.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }

    private static String orderBy(HazardQuery.Sort sort, boolean asc, LocalDate today, boolean postgres) {
        String dir = asc ? " asc" : " desc";
        String text = postgres ? " collate \"C\"" : "";
        String key = switch (sort) {
            case DEADLINE -> "h.deadline" + dir;
            case DAYS_OVERDUE -> "case when " + overdue(today) + " then h.deadline end"
                    + (asc ? " desc nulls first" : " asc nulls last");
            case FOUND_ON -> "h.found_on" + dir;
            case STATE -> rank("h.state", HazardState.values()) + dir;
            case GRADE -> rank("h.grade", RiskGrade.values()) + dir;
            case STREET -> "h.street" + text + dir;
            case UNIT -> "h.unit_id" + text + dir;
            case VENUE -> "h.venue_id" + text + dir;
            case HAZARD_ID -> "h.hazard_id" + text + dir;
            case LAST_CHANGE -> "h.last_change" + dir;
        };
        return key + (sort == HazardQuery.Sort.HAZARD_ID ? "" : ", h.hazard_id" + text + " asc");
    }

    private static String rank(String column, Enum<?>[] values) {
        StringJoiner j = new StringJoiner(" ", "case " + column + " ", " else -1 end");
        for (Enum<?> v : values) {
            j.add("when '" + v.name() + "' then " + v.ordinal());
        }
        return j.toString();
    }

    private static HazardRow row(ResultSet rs, LocalDate today, LedgerPolicy policy) throws SQLException {
        HazardState state = HazardState.valueOf(rs.getString("state"));
        LocalDate deadline = Store.date(rs, "deadline");
        int days = state.awaitsRectification() && today.isAfter(deadline)
                ? (int) ChronoUnit.DAYS.between(deadline, today) : 0;
        boolean dueSoon = state.awaitsRectification() && !today.isAfter(deadline)
                && ChronoUnit.DAYS.between(today, deadline) <= policy.escalation().dueSoonDays();
        String grade = rs.getString("grade");
        return new HazardRow(rs.getString("hazard_id"), rs.getString("venue_id"), rs.getString("venue_name"),
                rs.getString("unit_id"), rs.getString("street"), rs.getString("community"), rs.getString("grid"),
                rs.getString("hazard_code"), rs.getString("category"), state, Store.date(rs, "found_on"), deadline, days,
                dueSoon, policy.escalation().levelFor(days).map(LedgerPolicy.Level::level).orElse(0),
                rs.getBoolean("supervised"), rs.getInt("extensions_approved"), rs.getInt("reopenings"),
                rs.getInt("failed_reinspections"), Optional.ofNullable(Store.date(rs, "closed_on")),
                Optional.ofNullable(grade).map(RiskGrade::valueOf), rs.getInt("version"),
                Store.instant(rs, "last_change"));
    }

    static List<Count> counts(Handle h, HazardQuery q, List<Dimension> dims, LocalDate today, LedgerPolicy policy) {
        Where w = where(q, today, policy);
        List<String> exprs = dims.stream().map(d -> expression(d, today, policy)).toList();
        StringJoiner select = new StringJoiner(", ");
        for (int i = 0; i < exprs.size(); i++) {
            select.add(exprs.get(i) + " as k" + i);
        }
        String sql = "select " + select + ", count(*) as n from ledger_hazard h" + w.sql() + " group by "
                + String.join(", ", exprs);
        List<Count> out = w.bind(h.createQuery(sql)).map((rs, ctx) -> {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < exprs.size(); i++) {
                Object v = rs.getObject("k" + i);
                key.add(v == null ? "" : v.toString());
            }
            return new Count(key, rs.getLong("n"));
        }).list();
        List<Count> sorted = new ArrayList<>(out);
        sorted.sort((a, b) -> Rows.compareKeys(a.key(), b.key()));
        return sorted;
    }

    private static String expression(Dimension d, LocalDate today, LedgerPolicy policy) {
        return switch (d) {
            case STREET -> "h.street";
            case COMMUNITY -> "h.community";
            case GRID -> "h.grid";
            case UNIT -> "h.unit_id";
            case STATE -> "h.state";
            case GRADE -> "h.grade";
            case CATEGORY -> "h.category";
            case HAZARD_CODE -> "h.hazard_code";
            case SUPERVISED -> "case when h.supervised then 'true' else 'false' end";
            case OVERDUE -> "case when " + overdue(today) + " then 'true' else 'false' end";
            case CLOSED_BY_DEADLINE -> "case when h.closed_on is not null and h.closed_on <= h.deadline then 'true' "
                    + "else 'false' end";
            case ESCALATION -> {
                StringJoiner j = new StringJoiner(" ", "case ", " else '0' end");
                List<LedgerPolicy.Level> levels = new ArrayList<>(policy.escalation().levels());
                java.util.Collections.reverse(levels);
                for (LedgerPolicy.Level l : levels) {
                    j.add("when " + AWAITING + " and h.deadline <= " + date(today.minusDays(l.afterDaysOverdue()))
                            + " then '" + l.level() + "'");
                }
                yield j.toString();
            }
        };
    }

    static List<InspectionView> inspections(Handle h, LocalDate from, LocalDate to) {
        return h.createQuery("select inspection_id, venue_id, kind, inspected_on, inspectors, note, recorded_by, "
                        + "no_real_fire_risk from ledger_inspection where inspected_on >= :f and inspected_on <= :t "
                        + "order by inspected_on, inspection_id" + (isPostgres(h) ? " collate \"C\"" : ""))
                .bind("f", from).bind("t", to)
                .map((rs, ctx) -> new InspectionView(rs.getString("inspection_id"), rs.getString("venue_id"),
                        InspectionKind.valueOf(rs.getString("kind")), Store.date(rs, "inspected_on"),
                        rs.getString("inspectors").isEmpty() ? List.of() : List.of(rs.getString("inspectors").split(",")),
                        rs.getString("note"), rs.getString("recorded_by"), rs.getBoolean("no_real_fire_risk"))).list();
    }

    /** An area and its ancestors, from the area up to the district: a lookup per level. */
    static List<Directory.Area> areaPath(Handle h, String code) {
        List<Directory.Area> path = new ArrayList<>();
        for (String next = code; next != null && path.size() < AreaLevel.values().length; ) {
            Optional<Directory.Area> a = h.createQuery("select code, level, name, parent from ledger_area where code = :c")
                    .bind("c", next).map((rs, ctx) -> new Directory.Area(rs.getString("code"),
                            AreaLevel.valueOf(rs.getString("level")), rs.getString("name"),
                            Optional.ofNullable(rs.getString("parent")))).findOne();
            if (a.isEmpty()) {
                break;
            }
            path.add(a.get());
            next = a.get().parent().orElse(null);
        }
        return path;
    }

    static Directory directory(Handle h) {
        Map<String, Directory.Area> areas = new HashMap<>();
        h.createQuery("select code, level, name, parent from ledger_area").map((rs, ctx) -> new Directory.Area(
                rs.getString("code"), AreaLevel.valueOf(rs.getString("level")), rs.getString("name"),
                Optional.ofNullable(rs.getString("parent")))).forEach(a -> areas.put(a.code(), a));
        Map<String, Directory.Unit> units = new HashMap<>();
        h.createQuery("select unit_id, name, kind, parent from ledger_unit").map((rs, ctx) -> new Directory.Unit(
                rs.getString("unit_id"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")),
                Optional.ofNullable(rs.getString("parent")))).forEach(u -> units.put(u.unitId(), u));
        Map<String, Directory.Person> people = new HashMap<>();
        h.createQuery("select person_id, name, unit_id, roles from ledger_person").map((rs, ctx) -> new Directory.Person(
                rs.getString("person_id"), rs.getString("name"), rs.getString("unit_id"), roles(rs.getString("roles"))))
                .forEach(p -> people.put(p.personId(), p));
        return new Directory(areas, units, people);
    }

    private static java.util.Set<Role> roles(String text) {
        java.util.Set<Role> roles = EnumSet.noneOf(Role.class);
        if (!text.isBlank()) {
            Arrays.stream(text.split(",")).map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }

    private static final String PLAN_COLUMNS = "plan_id, plan_date, seed, draw_count, street, per_venue, previous_plan, "
            + "candidates, visits, drawn_by, drawn_at, published_by, published_at, note, version";

    /** Every plan, newest first; only the published ones if asked. */
    static List<PlanView> plans(Handle h, boolean publishedOnly) {
        return h.createQuery("select " + PLAN_COLUMNS + " from ledger_plan"
                        + (publishedOnly ? " where published_at is not null" : "")
                        + " order by plan_date desc, drawn_at desc, plan_id")
                .map((rs, ctx) -> plan(rs)).list();
    }

    static Optional<PlanView> plan(Handle h, String planId) {
        return h.createQuery("select " + PLAN_COLUMNS + " from ledger_plan where plan_id = :p").bind("p", planId)
                .map((rs, ctx) -> plan(rs)).findOne();
    }

    private static PlanView plan(ResultSet rs) throws SQLException {
        List<Event.PlannedVisit> visits;
        try {
            visits = List.of(Codec.JSON.readValue(rs.getString("visits"), Event.PlannedVisit[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new LedgerException("plan " + rs.getString("plan_id") + ": its visits cannot be read: "
                    + e.getOriginalMessage(), e);
        }
        java.time.OffsetDateTime published = rs.getObject("published_at", java.time.OffsetDateTime.class);
        return new PlanView(rs.getString("plan_id"), Store.date(rs, "plan_date"), rs.getLong("seed"),
                rs.getInt("draw_count"), Optional.ofNullable(rs.getString("street")), rs.getInt("per_venue"),
                Optional.ofNullable(rs.getString("previous_plan")), rs.getLong("candidates"), visits,
                rs.getString("drawn_by"), rs.getObject("drawn_at", java.time.OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getString("published_by")),
                Optional.ofNullable(published).map(java.time.OffsetDateTime::toInstant), rs.getString("note"),
                rs.getInt("version"), List.of());
    }

    /** What became of each visit of the plan (see {@link PlanView.Result}). */
    static List<PlanView.Result> results(Handle h, PlanView plan) {
        List<PlanView.Result> results = new ArrayList<>();
        int seq = 0;
        for (Event.PlannedVisit v : plan.assigned()) {
            seq++;
            InspectionKind kind = v.reinspection() ? InspectionKind.REINSPECTION : InspectionKind.DOUBLE_RANDOM;
            Optional<InspectionView> inspection = h.createQuery("select inspection_id, venue_id, kind, inspected_on, "
                            + "inspectors, note, recorded_by, no_real_fire_risk from ledger_inspection where venue_id = :v "
                            + "and kind = :k "
                            + "and inspected_on >= :d order by inspected_on, inspection_id")
                    .bind("v", v.venueId()).bind("k", kind.name()).bind("d", plan.date())
                    .map((rs, ctx) -> new InspectionView(rs.getString("inspection_id"), rs.getString("venue_id"),
                            InspectionKind.valueOf(rs.getString("kind")), Store.date(rs, "inspected_on"),
                            rs.getString("inspectors").isEmpty() ? List.of()
                                    : List.of(rs.getString("inspectors").split(",")),
                            rs.getString("note"), rs.getString("recorded_by"), rs.getBoolean("no_real_fire_risk")))
                    .findFirst();
            int[] counts = {0, 0};
            inspection.ifPresent(i -> h.createQuery("select count(*) as found, "
                            + "sum(case when state = 'CLOSED' then 1 else 0 end) as closed from ledger_hazard "
                            + "where venue_id = :v and found_on = :d")
                    .bind("v", v.venueId()).bind("d", i.date())
                    .map((rs, ctx) -> {
                        counts[0] = rs.getInt("found");
                        counts[1] = rs.getInt("closed");
                        return 0;
                    }).one());
            String[] venue = h.createQuery("select name, street from ledger_venue where venue_id = :v")
                    .bind("v", v.venueId()).map((rs, ctx) -> new String[] {rs.getString("name"), rs.getString("street")})
                    .findOne().orElse(new String[] {"", ""});
            results.add(new PlanView.Result(seq, v, venue[0], venue[1], inspection, counts[0], counts[1]));
        }
        return results;
    }

    /** A unit's education activities, newest first. */
    static List<EducationView> education(Handle h, String unitId) {
        return h.createQuery("select activity_id, unit_id, activity, held_on, participants, note, recorded_by "
                        + "from ledger_education where unit_id = :u order by held_on desc, activity_id")
                .bind("u", unitId)
                .map((rs, ctx) -> new EducationView(rs.getString("activity_id"), rs.getString("unit_id"),
                        rs.getString("activity"), Store.date(rs, "held_on"), rs.getInt("participants"),
                        rs.getString("note"), rs.getString("recorded_by"))).list();
    }
}
