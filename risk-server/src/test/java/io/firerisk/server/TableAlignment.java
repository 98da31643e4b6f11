package io.firerisk.server;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a page's tables of figures put each header over its column the way the column is aligned: right (the one
 * style sheet's {@code th.n, td.n}) over figures, left (no class) over text. Shared by the report pages' test and
 * the other desk pages' (the dashboard's per-street and per-unit tables first).
 */
public final class TableAlignment {

    private static final Pattern CELL = Pattern.compile("<t[hd](?=[\\s>])(?:\\s+class=\"([^\"]*)\")?[^>]*>");

    private TableAlignment() {
    }

    /** The alignment class ({@code n}, right-aligned, or none) of each header or data cell of a table part, in order. */
    public static List<String> alignments(String part) {
        List<String> out = new ArrayList<>();
        Matcher m = CELL.matcher(part);
        while (m.find()) {
            out.add(m.group(1) != null && List.of(m.group(1).split(" ")).contains("n") ? "n" : "");
        }
        return out;
    }

    /**
     * Asserts that each table of the page with a header row and at least one row in its body has the header
     * cells aligned as the cells of that first row; returns the opening tag of each table checked (tables with no
     * header or no row are skipped, so a caller asserts which it expects to have been checked).
     */
    public static List<String> assertHeadersAlignedAsTheirFigures(String label, String html) {
        List<String> checked = new ArrayList<>();
        for (int at = html.indexOf("<table"); at >= 0; at = html.indexOf("<table", at + 1)) {
            String table = html.substring(at, html.indexOf("</table>", at));
            int body = table.indexOf("<tbody>");
            int firstRow = table.indexOf("<tr", Math.max(body, 0));
            if (!table.contains("<thead>") || body < 0 || firstRow < 0) {
                continue;
            }
            String id = table.substring(0, table.indexOf('>'));
            assertThat(alignments(table.substring(table.indexOf("<thead>"), table.indexOf("</thead>"))))
                    .as("%s %s", label, id).isEqualTo(alignments(table.substring(firstRow, table.indexOf("</tr>", firstRow))));
            checked.add(label + " " + id);
        }
        return checked;
    }
}
