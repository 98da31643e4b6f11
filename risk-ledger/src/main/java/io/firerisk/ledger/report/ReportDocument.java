package io.firerisk.ledger.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A report ready to be written as a file: a title, what it covers, and its tables ({@link Tables}).
 *
 * @param kind     which report
 * @param title    the title, in Chinese
 * @param subtitle what it covers (the campaign, the dates), in Chinese
 * @param asOf     the date it is as of
 * @param notes    what a reader must know (assumptions, what the ledger does not hold), in Chinese
 * @param tables   its tables, in order
 */
public record ReportDocument(Kind kind, String title, String subtitle, LocalDate asOf, List<String> notes,
        List<Table> tables) {

    public ReportDocument {
        notes = List.copyOf(notes);
        tables = List.copyOf(tables);
    }

    /** The reports, by the name the program and the desk use for them. */
    public enum Kind {
        WEEKLY("weekly", "定期分析研判"), DIGEST("digest", "到期与逾期提醒"), ACCOUNTABILITY("accountability", "单位督导问效"),
        SUMMARY("summary", "工作总结"), LEDGER("ledger", "隐患台账");

        private final String id;
        private final String zh;

        Kind(String id, String zh) {
            this.id = id;
            this.zh = zh;
        }

        public String id() {
            return id;
        }

        public String zh() {
            return zh;
        }

        /** The kind named {@code id} ({@code weekly}, {@code digest} …). */
        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no report '" + id + "'; one of "
                    + java.util.Arrays.stream(values()).map(Kind::id).toList());
        }
    }
}
