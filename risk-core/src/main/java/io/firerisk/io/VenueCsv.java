package io.firerisk.io;

import io.firerisk.Enforcement;
import io.firerisk.Finding;
import io.firerisk.GasSupply;
import io.firerisk.InvalidFactException;
import io.firerisk.OperatingStatus;
import io.firerisk.RectificationPlan;
import io.firerisk.RectificationStatus;
import io.firerisk.ResponsibleParty;
import io.firerisk.StandardRevision;
import io.firerisk.Venue;
import io.firerisk.internal.Numbers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Venues and findings as two spreadsheet tables, joined by venue id. Column names may be the
 * English field names of the JSON format or their Chinese equivalents (场所编号, 名称, 类型 …);
 * case, spaces, underscores and a unit in brackets ({@code 高度(米)}) do not matter. Values take
 * what spreadsheets write: {@code 是/否}, {@code Y/N}, {@code 2024/1/10}, {@code 2024年1月10日},
 * {@code 85%}, {@code 1,200}. Errors name the column as the file's header wrote it.
 */
final class VenueCsv {

    private VenueCsv() {}

    /** The venue table's columns, with the names accepted for each. */
    enum VenueColumn {
        ID("id", "venueid", "场所编号", "编号", "单位编号"),
        NAME("name", "名称", "场所名称", "单位名称"),
        KIND("kind", "type", "类型", "场所类型"),
        STREET("street", "街道", "所属街道"),
        ADDRESS("address", "地址"),
        HEIGHT("heightmeters", "height", "heightm", "高度", "建筑高度"),
        FLOORS("floors", "层数", "楼层数"),
        UNDERGROUND("underground", "地下", "地下或半地下"),
        OCCUPANTS("occupants", "occupantcapacity", "人数", "容纳人数"),
        SLEEPING("sleeping", "sleepingonsite", "住宿", "夜间住宿"),
        GAS("gas", "gassupply", "燃气", "用气"),
        DANGEROUS_GOODS("dangerousgoods", "危险品", "易燃易爆危险品"),
        STATUS("status", "operatingstatus", "经营状态", "使用状态"),
        DATE("date", "检查日期", "日期"),
        JUDGED_NOT_MAJOR("judgednotmajor", "经判断不构成重大隐患"),
        NO_REAL_FIRE_RISK("norealfirerisk", "无现实火灾风险", "经现场检查确认无现实火灾风险"),
        USES("uses", "其他用途", "兼作"),
        PLACE_CLASSES("placeclasses", "申报场所类别", "场所类别"),
        OWNED_BY_AUTHORITY("ownedbyauthority", "局属", "局属单位");

        final List<String> names;

        VenueColumn(String... names) {
            this.names = List.of(names);
        }
    }

    /** The finding table's columns, with the names accepted for each. */
    enum FindingColumn {
        VENUE_ID("venueid", "venue", "场所编号", "单位编号"),
        ID("id", "findingid", "隐患编号", "编号"),
        CODE("code", "hazardcode", "隐患代码", "代码"),
        LOCATION("location", "部位", "位置"),
        AREA("area", "区域", "所在区域", "停用区域"),
        FOUND_ON("foundon", "发现日期", "检查日期"),
        CORRECTABLE("correctableonspot", "可当场改正", "能否当场改正"),
        RATIO("ratio", "比例"),
        QUANTITY("quantity", "数量"),
        STATUS("status", "整改状态", "状态"),
        EXPERT_REVIEWED("expertreviewed", "专家评审"),
        TIMES_FOUND("timesfound", "发现次数"),
        PARTY("party", "责任主体"),
        ENFORCEMENT("enforcement", "执法", "执法情况"),
        STANDARD_REVISION("standardrevision", "标准修订", "标准修订引起"),
        PLAN_RESPONSIBLE("planresponsible", "responsible", "整改责任人", "责任人"),
        PLAN_MEASURES("planmeasures", "measures", "整改措施"),
        PLAN_DEADLINE("plandeadline", "deadline", "整改期限", "整改时限"),
        PLAN_FUNDS("planfunds", "funds", "整改资金", "资金"),
        PLAN_CONTINGENCY("plancontingencyplan", "contingencyplan", "应急预案", "预案");

        final List<String> names;

        FindingColumn(String... names) {
            this.names = List.of(names);
        }
    }

    /** Columns a spreadsheet may carry for people, which the program leaves alone. */
    private static final Set<String> IGNORED = Set.of("note", "notes", "remark", "remarks", "comment", "备注", "说明");

    /** A table's header: which column holds which field, and the name the file gave it. */
    static final class Header<C extends Enum<C>> {
        private final Map<C, Integer> index;
        private final Map<C, String> written;
        private final List<String> names;
        private final int width;

        private Header(Map<C, Integer> index, Map<C, String> written, List<String> names, int width) {
            this.index = index;
            this.written = written;
            this.names = names;
            this.width = width;
        }

        /** The name the header gives the column numbered {@code column} (from 1), or empty. */
        String nameAt(int column) {
            return column < 1 || column > names.size() ? "" : names.get(column - 1).strip();
        }

        boolean has(C column) {
            return index.containsKey(column);
        }

        /** The number of columns the header names. */
        int width() {
            return width;
        }

        /** The column's name as the file wrote it, for messages. */
        String name(C column) {
            return written.getOrDefault(column, column.name().toLowerCase(Locale.ROOT));
        }

        /** The trimmed cell, or an empty string when the column is absent. */
        String cell(CsvRecord row, C column) {
            Integer i = index.get(column);
            return i == null || i >= row.fields().size() ? "" : row.fields().get(i).strip();
        }

        /** Fails when the row has fewer cells than the header, or more that hold something. */
        void checkWidth(CsvRecord row, String venueId) throws BadRecord {
            List<String> fields = row.fields();
            if (fields.size() < width) {
                C first = null;
                for (Map.Entry<C, Integer> e : index.entrySet()) {
                    if (e.getValue() >= fields.size() && (first == null || e.getValue() < index.get(first))) {
                        first = e.getKey();
                    }
                }
                throw new BadRecord(venueId, first == null ? "" : written.get(first), "the row has " + fields.size()
                        + " of the header's " + width + " columns: the line is truncated");
            }
            for (int i = width; i < fields.size(); i++) {
                if (!fields.get(i).isBlank()) {
                    throw new BadRecord(venueId, "", "the row has " + fields.size() + " columns, the header only "
                            + width + ": a value holds an unquoted comma?");
                }
            }
        }
    }

    static Header<VenueColumn> venueHeader(CsvRecord row, String file) throws InputException {
        return header(row, file, VenueColumn.class, c -> c.names, Set.of(VenueColumn.ID, VenueColumn.KIND));
    }

    static Header<FindingColumn> findingHeader(CsvRecord row, String file) throws InputException {
        return header(row, file, FindingColumn.class, c -> c.names,
                Set.of(FindingColumn.VENUE_ID, FindingColumn.CODE));
    }

    private static <C extends Enum<C>> Header<C> header(CsvRecord row, String file, Class<C> type,
            java.util.function.Function<C, List<String>> names, Set<C> required) throws InputException {
        if (row == null) {
            throw new InputException(file + ": the file is empty: the first line must name the columns");
        }
        if (row.malformed()) {
            throw new InputException(file + ":" + row.line() + ": the header cannot be read: " + row.error());
        }
        if (row.raw().stripLeading().startsWith("{")) {
            throw new InputException(file + ":" + row.line() + ": the file is JSON Lines (its first line is a JSON"
                    + " object), not a CSV table: read it as JSON Lines, whose records hold their own findings");
        }
        if (!row.error().isEmpty()) {
            throw new InputException(file + ":" + row.line() + ": the header cannot be read: " + row.error());
        }
        Map<C, Integer> index = new EnumMap<>(type);
        Map<C, String> written = new EnumMap<>(type);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < row.fields().size(); i++) {
            String name = row.fields().get(i).strip();
            String key = normalise(name);
            if (key.isEmpty() && i == row.fields().size() - 1) {
                continue;
            }
            if (IGNORED.contains(key)) {
                continue;
            }
            C match = null;
            for (C c : type.getEnumConstants()) {
                if (names.apply(c).contains(key)) {
                    match = c;
                    break;
                }
            }
            if (match == null) {
                unknown.add(name.isEmpty() ? "(column " + (i + 1) + " has no name)" : cut(name));
            } else if (index.containsKey(match)) {
                throw new InputException(file + ":1: columns '" + written.get(match) + "' and '" + cut(name)
                        + "' both give " + names.apply(match).get(0));
            } else {
                index.put(match, i);
                written.put(match, name);
            }
        }
        if (!unknown.isEmpty()) {
            Map<String, String> known = new LinkedHashMap<>();
            for (C c : type.getEnumConstants()) {
                known.put(names.apply(c).get(0), String.join("/", names.apply(c).subList(1, names.apply(c).size())));
            }
            throw new InputException(file + ":1: unknown column" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; the columns are " + known.keySet()
                    + " (Chinese names accepted; a column named 备注 or note is ignored)");
        }
        for (C c : required) {
            if (!index.containsKey(c)) {
                throw new InputException(file + ":1: the header has no " + names.apply(c).get(0) + " column ("
                        + String.join(", ", names.apply(c)) + ")");
            }
        }
        int width = row.fields().size();
        while (width > 0 && row.fields().get(width - 1).isBlank()) {
            width--;
        }
        return new Header<>(index, written, row.fields(), width);
    }

    /** A column name as a message shows it: the first 60 characters (a reader prints it made safe for its screen). */
    private static String cut(String name) {
        return name.codePointCount(0, name.length()) <= 60 ? name
                : name.substring(0, name.offsetByCodePoints(0, 59)) + "…";
    }

    /** {@code "Height (m)"} → {@code "height"}; {@code "建筑高度（米）"} → {@code "建筑高度"}. */
    static String normalise(String name) {
        return name.replaceAll("[(（][^)）]*[)）]", "").toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
    }

    static String venueId(Header<VenueColumn> h, CsvRecord row) {
        return h.cell(row, VenueColumn.ID);
    }

    static Venue venue(Header<VenueColumn> h, CsvRecord row) throws BadRecord {
        String id = h.cell(row, VenueColumn.ID);
        h.checkWidth(row, id);
        Cells<VenueColumn> c = new Cells<>(h, row, id);
        Venue.Builder b = Venue.builder(c.required(VenueColumn.ID), c.required(VenueColumn.KIND).toUpperCase(Locale.ROOT))
                .name(c.text(VenueColumn.NAME))
                .street(c.text(VenueColumn.STREET))
                .address(c.text(VenueColumn.ADDRESS))
                .underground(c.bool(VenueColumn.UNDERGROUND))
                .sleepingOnSite(c.bool(VenueColumn.SLEEPING))
                .dangerousGoods(c.bool(VenueColumn.DANGEROUS_GOODS))
                .uses(codes(c.text(VenueColumn.USES)))
                .placeClasses(codes(c.text(VenueColumn.PLACE_CLASSES)))
                .ownedByAuthority(c.bool(VenueColumn.OWNED_BY_AUTHORITY));
        Double height = c.number(VenueColumn.HEIGHT);
        b.heightMeters(height);
        Integer floors = c.whole(VenueColumn.FLOORS);
        if (floors != null) {
            b.floors(floors);
        }
        Integer occupants = c.whole(VenueColumn.OCCUPANTS);
        if (occupants != null) {
            b.occupantCapacity(occupants);
        }
        b.gasSupply(c.choice(VenueColumn.GAS, GasSupply.class, GAS_WORDS));
        b.operatingStatus(c.choice(VenueColumn.STATUS, OperatingStatus.class, OPERATING_WORDS));
        return c.build(b::build, VENUE_FIELDS);
    }

    static LocalDate venueDate(Header<VenueColumn> h, CsvRecord row) throws BadRecord {
        return new Cells<>(h, row, h.cell(row, VenueColumn.ID)).date(VenueColumn.DATE);
    }

    static boolean judgedNotMajor(Header<VenueColumn> h, CsvRecord row) throws BadRecord {
        return new Cells<>(h, row, h.cell(row, VenueColumn.ID)).bool(VenueColumn.JUDGED_NOT_MAJOR);
    }

    /** GB 35181-2025 4.2 b): an on-site inspection confirmed the venue, out of use, has no real fire risk. */
    static boolean noRealFireRisk(Header<VenueColumn> h, CsvRecord row) throws BadRecord {
        return new Cells<>(h, row, h.cell(row, VenueColumn.ID)).bool(VenueColumn.NO_REAL_FIRE_RISK);
    }

    static String findingVenueId(Header<FindingColumn> h, CsvRecord row) {
        return h.cell(row, FindingColumn.VENUE_ID);
    }

    /** A finding row; {@code number} names it {@code F<number>} when the table has no id column. */
    static Finding finding(Header<FindingColumn> h, CsvRecord row, int number) throws BadRecord {
        String venueId = h.cell(row, FindingColumn.VENUE_ID);
        h.checkWidth(row, venueId);
        Cells<FindingColumn> c = new Cells<>(h, row, venueId);
        String id = h.has(FindingColumn.ID) ? c.required(FindingColumn.ID) : "F" + number;
        Finding.Builder b = Finding.builder(id, c.required(FindingColumn.CODE).toUpperCase(Locale.ROOT))
                .location(c.text(FindingColumn.LOCATION))
                .area(c.text(FindingColumn.AREA))
                .foundOn(c.date(FindingColumn.FOUND_ON))
                .correctableOnSpot(c.optionalBool(FindingColumn.CORRECTABLE))
                .ratio(c.ratio(FindingColumn.RATIO))
                .quantity(c.whole(FindingColumn.QUANTITY))
                .expertReviewed(c.bool(FindingColumn.EXPERT_REVIEWED))
                .status(c.choice(FindingColumn.STATUS, RectificationStatus.class, STATUS_WORDS))
                .party(c.choice(FindingColumn.PARTY, ResponsibleParty.class, PARTY_WORDS))
                .enforcement(c.choice(FindingColumn.ENFORCEMENT, Enforcement.class, ENFORCEMENT_WORDS))
                .standardRevision(c.choice(FindingColumn.STANDARD_REVISION, StandardRevision.class, REVISION_WORDS));
        Integer times = c.whole(FindingColumn.TIMES_FOUND);
        if (times != null) {
            b.timesFound(times);
        }
        LocalDate deadline = c.date(FindingColumn.PLAN_DEADLINE);
        String responsible = c.text(FindingColumn.PLAN_RESPONSIBLE);
        String measures = c.text(FindingColumn.PLAN_MEASURES);
        String funds = c.text(FindingColumn.PLAN_FUNDS);
        String contingency = c.text(FindingColumn.PLAN_CONTINGENCY);
        if (deadline != null || !responsible.isEmpty() || !measures.isEmpty() || !funds.isEmpty()
                || !contingency.isEmpty()) {
            b.plan(c.build(() -> new RectificationPlan(responsible, measures, deadline, funds, contingency),
                    Map.of("responsiblePerson", FindingColumn.PLAN_RESPONSIBLE, "measures", FindingColumn.PLAN_MEASURES,
                            "funds", FindingColumn.PLAN_FUNDS, "contingencyPlan", FindingColumn.PLAN_CONTINGENCY,
                            "deadline", FindingColumn.PLAN_DEADLINE)));
        }
        return c.build(b::build, FINDING_FIELDS);
    }

    /** The fields of {@link Venue} (and the facts' date) and the venue column each is read from. */
    private static final Map<String, VenueColumn> VENUE_FIELDS = Map.ofEntries(Map.entry("kind", VenueColumn.KIND),
            Map.entry("occupantCapacity", VenueColumn.OCCUPANTS), Map.entry("heightMeters", VenueColumn.HEIGHT),
            Map.entry("floors", VenueColumn.FLOORS), Map.entry("id", VenueColumn.ID),
            Map.entry("assessmentDate", VenueColumn.DATE), Map.entry("name", VenueColumn.NAME),
            Map.entry("street", VenueColumn.STREET), Map.entry("address", VenueColumn.ADDRESS),
            Map.entry("uses", VenueColumn.USES), Map.entry("placeClasses", VenueColumn.PLACE_CLASSES));

    /** The fields of {@link Finding} and the finding column each is read from. */
    private static final Map<String, FindingColumn> FINDING_FIELDS = Map.of("hazardCode", FindingColumn.CODE,
            "ratio", FindingColumn.RATIO, "quantity", FindingColumn.QUANTITY, "location", FindingColumn.LOCATION,
            "id", FindingColumn.ID, "foundOn", FindingColumn.FOUND_ON, "timesFound", FindingColumn.TIMES_FOUND,
            "area", FindingColumn.AREA);

    /** A cell of codes separated by ';' (or '；' or '、', as spreadsheets in Chinese write them). */
    private static List<String> codes(String cell) {
        List<String> out = new ArrayList<>();
        for (String part : cell.split("[;；、]")) {
            if (!part.isBlank()) {
                out.add(part.strip().toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The column of a finding table the engine's field ({@code hazardCode}, {@code ratio}) came from. */
    static String findingColumn(Header<FindingColumn> h, String component) {
        FindingColumn column = FINDING_FIELDS.get(component);
        return column == null ? component : h.name(column);
    }

    /** The column of a venue table the engine's field ({@code venue.kind}) came from. */
    static String venueColumn(Header<VenueColumn> h, String field) {
        String component = field.startsWith("venue.") ? field.substring("venue.".length()) : field;
        VenueColumn column = VENUE_FIELDS.get(component.replaceAll("\\[\\d+]$", ""));
        return column == null ? component : h.name(column);
    }

    private static final Map<String, String> GAS_WORDS = Map.of("无", "NONE", "管道天然气", "PIPED_NATURAL_GAS",
            "天然气", "PIPED_NATURAL_GAS", "瓶装液化石油气", "LPG_CYLINDER", "瓶装液化气", "LPG_CYLINDER",
            "液化气", "LPG_CYLINDER", "管道液化石油气", "PIPED_LPG", "管道液化气", "PIPED_LPG", "其他", "OTHER");
    private static final Map<String, String> OPERATING_WORDS = Map.of("营业", "OPERATING", "在用", "OPERATING",
            "正常", "OPERATING", "停产停业", "SUSPENDED", "停业", "SUSPENDED", "停止使用", "CLOSED", "停用", "CLOSED");
    private static final Map<String, String> STATUS_WORDS = Map.of("未整改", "OPEN", "当场改正", "CORRECTED_ON_SPOT",
            "整改中", "IN_PROGRESS", "已整改", "RECTIFIED", "已销号", "VERIFIED", "复查合格", "VERIFIED");
    private static final Map<String, String> PARTY_WORDS = Map.of("单位", "UNIT", "个人", "INDIVIDUAL", "不详", "UNKNOWN");
    private static final Map<String, String> ENFORCEMENT_WORDS = Map.of("无", "NONE", "责令改正", "ORDERED_TO_CORRECT",
            "拒不改正", "REFUSED_TO_CORRECT", "挂牌督办", "SUPERVISED");

    /** GB 35181-2025 4.2 a), as a spreadsheet says it: 否 (not caused), 是 (caused), or a law still requires it. */
    private static final Map<String, String> REVISION_WORDS = Map.of("否", "NONE", "无", "NONE", "是", "CAUSED",
            "标准修订引起", "CAUSED", "法律法规有明确规定", "CAUSED_BUT_LAW_REQUIRES");
    private static final Set<String> TRUE = Set.of("true", "t", "yes", "y", "1", "是", "有", "√");
    private static final Set<String> FALSE = Set.of("false", "f", "no", "n", "0", "否", "无", "×");
    private static final Pattern GROUPED = Pattern.compile("[-+]?[0-9]{1,3}([,，][0-9]{3})+(\\.[0-9]+)?");
    private static final Pattern WHOLE_WITH_ZEROS = Pattern.compile("[-+]?[0-9]+\\.0+");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
            DateTimeFormatter.ofPattern("uuuu年M月d日"));

    /** Reads one row's cells, failing with the column's name as the file wrote it. */
    private static final class Cells<C extends Enum<C>> {
        private final Header<C> h;
        private final CsvRecord row;
        private final String venueId;

        Cells(Header<C> h, CsvRecord row, String venueId) {
            this.h = h;
            this.row = row;
            this.venueId = venueId;
        }

        private BadRecord bad(C column, String message) {
            return new BadRecord(venueId, h.name(column), message);
        }

        String required(C column) throws BadRecord {
            String v = h.cell(row, column);
            if (v.isEmpty()) {
                throw bad(column, "is required");
            }
            return v;
        }

        String text(C column) {
            return h.cell(row, column);
        }

        boolean bool(C column) throws BadRecord {
            Boolean b = optionalBool(column);
            return b != null && b;
        }

        Boolean optionalBool(C column) throws BadRecord {
            String v = h.cell(row, column).toLowerCase(Locale.ROOT);
            if (v.isEmpty()) {
                return null;
            }
            if (TRUE.contains(v)) {
                return true;
            }
            if (FALSE.contains(v)) {
                return false;
            }
            throw bad(column, "'" + v + "' must be yes or no (Y/N, 是/否, true/false, 1/0)");
        }

        Double number(C column) throws BadRecord {
            String v = ungroup(h.cell(row, column));
            if (v.isEmpty()) {
                return null;
            }
            if (!Numbers.isDecimal(v)) {
                throw bad(column, "'" + cut(v) + "' is not a number (write it as 12, 18.5 or 1,200)");
            }
            double d = Double.parseDouble(v);
            if (Double.isInfinite(d)) {
                throw bad(column, "'" + cut(v) + "' is not a number (write it as 12, 18.5 or 1,200)");
            }
            return d;
        }

        Double ratio(C column) throws BadRecord {
            String v = h.cell(row, column);
            if (v.endsWith("%")) {
                String percent = v.substring(0, v.length() - 1).strip();
                if (!Numbers.isDecimal(percent)) {
                    throw bad(column, "'" + cut(v) + "' is not a percentage (write it as 85% or 0.85)");
                }
                return Double.parseDouble(percent) / 100.0;
            }
            return number(column);
        }

        Integer whole(C column) throws BadRecord {
            String v = ungroup(h.cell(row, column));
            if (v.isEmpty()) {
                return null;
            }
            // A spreadsheet may write a whole number as 300.0.
            String digits = WHOLE_WITH_ZEROS.matcher(v).matches() ? v.substring(0, v.indexOf('.')) : v;
            if (!Numbers.isWhole(digits)) {
                throw bad(column, "'" + cut(v) + "' is not a whole number");
            }
            try {
                return Integer.valueOf(digits);
            } catch (NumberFormatException e) {
                throw bad(column, "'" + cut(v) + "' is not a whole number");
            }
        }

        LocalDate date(C column) throws BadRecord {
            String v = h.cell(row, column);
            if (v.isEmpty()) {
                return null;
            }
            for (DateTimeFormatter f : DATES) {
                try {
                    return LocalDate.parse(v, f.withResolverStyle(java.time.format.ResolverStyle.STRICT));
                } catch (DateTimeParseException e) {
                    // try the next spelling
                }
            }
            throw bad(column, "'" + v + "' is not a date (YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)");
        }

        <E extends Enum<E>> E choice(C column, Class<E> type, Map<String, String> words) throws BadRecord {
            String v = h.cell(row, column);
            if (v.isEmpty()) {
                return null;
            }
            String code = words.getOrDefault(v, v.toUpperCase(Locale.ROOT).replace(' ', '_'));
            try {
                return Enum.valueOf(type, code);
            } catch (IllegalArgumentException e) {
                List<String> accepted = new ArrayList<>();
                for (E c : type.getEnumConstants()) {
                    accepted.add(c.name());
                }
                throw bad(column, "'" + v + "' must be one of " + String.join(", ", accepted)
                        + (words.isEmpty() ? "" : " (or " + String.join("/", new java.util.TreeSet<>(words.keySet())) + ")"));
            }
        }

        /** Runs a record constructor, turning its message into a bad record naming the column it came from. */
        <T> T build(java.util.function.Supplier<T> builder, Map<String, C> columns) throws BadRecord {
            try {
                return builder.get();
            } catch (InvalidFactException e) {
                String message = e.getMessage();
                C column = columns.get(e.field());
                if (column == null) {
                    throw new BadRecord(venueId, e.field(), message);
                }
                // "Venue 'X'.occupantCapacity must be …" → "must be …": the column name says the rest.
                int at = message.indexOf("." + e.field() + " must ");
                throw bad(column, at < 0 ? message : message.substring(at + e.field().length() + 2));
            }
        }

        private static String ungroup(String v) {
            return GROUPED.matcher(v).matches() ? v.replace(",", "").replace("，", "") : v;
        }
    }
}
