package io.firerisk;

import java.util.Locale;

/**
 * One problem in a campaign folder: what is wrong, and where, each in its own field, so a tool can
 * sort, filter and point at it without reading the text.
 *
 * @param severity error (the campaign cannot be used) or warning
 * @param category what the problem is about: a data file, the calendar in campaign.yaml, or a rule file
 * @param file     path relative to the campaign folder, such as {@code rules/gb35181/direct.drl}
 * @param line     1-based line, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param field    the field at fault: a YAML path such as {@code calendar.phases[1].to}, a CSV column
 *                 such as {@code rectify_days}, or empty
 * @param message  what is wrong, and where it can be, how to fix it; without the field
 */
public record Problem(Severity severity, Category category, String file, int line, int column, String field,
        String message) {

    public enum Severity { ERROR, WARNING }

    /** What a problem is about, from where it is: its file and, in campaign.yaml, its field. */
    public enum Category {
        /** campaign.yaml (but its calendar) and the CSV tables. */
        DATA,
        /** The {@code calendar} section of campaign.yaml: phases, key periods, leads and margins. */
        CALENDAR,
        /** A rule file. */
        RULES;

        /** The category of a problem at {@code field} of {@code file}. */
        public static Category of(String file, String field) {
            String f = file == null ? "" : file;
            if (f.endsWith(".drl") || f.startsWith("rules/")) {
                return RULES;
            }
            String at = field == null ? "" : field;
            if (at.equals("calendar") || at.startsWith("calendar.") || at.startsWith("calendar[")) {
                return CALENDAR;
            }
            return DATA;
        }
    }

    public Problem {
        file = file == null ? "" : file;
        field = field == null ? "" : field;
        message = message == null ? "" : message;
        category = category == null ? Category.of(file, field) : category;
    }

    /** A problem about no particular field, its category taken from the file. */
    public Problem(Severity severity, String file, int line, int column, String message) {
        this(severity, Category.of(file, ""), file, line, column, "", message);
    }

    public static Problem error(String file, int line, int column, String message) {
        return new Problem(Severity.ERROR, file, line, column, message);
    }

    public static Problem warning(String file, int line, int column, String message) {
        return new Problem(Severity.WARNING, file, line, column, message);
    }

    /** An error in a field (a YAML path or a CSV column), its category taken from the file and field. */
    public static Problem error(String file, int line, int column, String field, String message) {
        return new Problem(Severity.ERROR, Category.of(file, field), file, line, column, field, message);
    }

    /**
     * The field and the message as one sentence, as people read them: {@code calendar.phases[1].to: …} in
     * YAML, {@code column 'rectify_days': …} in a CSV table.
     */
    public String text() {
        if (field.isEmpty()) {
            return message;
        }
        return (file.endsWith(".csv") ? "column '" + field + "'" : field) + ": " + message;
    }

    /** {@code file:line:column: severity: field: message}, the form editors and CI logs understand. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file.isEmpty() ? "<campaign>" : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(severity.name().toLowerCase(Locale.ROOT)).append(": ").append(text()).toString();
    }
}
