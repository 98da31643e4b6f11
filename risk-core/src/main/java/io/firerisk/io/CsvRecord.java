package io.firerisk.io;

import java.util.List;

/**
 * One record of a CSV file, as {@link CsvReader} read it.
 *
 * @param line      the line it starts on, from 1
 * @param fields    its cells: quoted cells exactly as written between the quotes, unquoted cells without
 *                  the blanks around them. For a record that could not be read ({@code error}), the cells
 *                  its first line seems to hold, quotes left out, only for saying which row it was (such as
 *                  its venue id): never values to use
 * @param raw       its text as read (lines joined by {@code \n}), for a rejects file
 * @param malformed some of its bytes were not valid text in the file's encoding: its cells are not to be trusted
 * @param error     why the record could not be read (not valid text, a stray quote, a line too long), or empty
 * @param column    the column (from 1) the error is in, 0 when it is about the row as a whole or there is none
 */
public record CsvRecord(long line, List<String> fields, String raw, boolean malformed, String error, int column) {

    public CsvRecord {
        fields = List.copyOf(fields);
        raw = raw == null ? "" : raw;
        error = error == null ? "" : error;
    }

    /** True when every cell is blank (spreadsheets export empty rows as lines of commas). */
    public boolean blank() {
        return fields.stream().allMatch(String::isBlank);
    }

    /** True when the record can be used: it decoded cleanly and split into cells. */
    public boolean readable() {
        return !malformed && error.isEmpty();
    }

    /** The cell at {@code index} (from 0) without surrounding blanks, or empty when the record is shorter. */
    public String cell(int index) {
        return index < 0 || index >= fields.size() ? "" : fields.get(index).strip();
    }
}
