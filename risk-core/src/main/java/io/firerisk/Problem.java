package io.firerisk;

/**
 * One problem in a campaign folder.
 *
 * @param severity error (the campaign cannot be used) or warning
 * @param file     path relative to the campaign folder, such as {@code rules/gb35181/direct.drl}
 * @param line     1-based line, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param message  what is wrong, and where it can be, how to fix it
 */
public record Problem(Severity severity, String file, int line, int column, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String file, int line, int column, String message) {
        return new Problem(Severity.ERROR, file, line, column, message);
    }

    public static Problem warning(String file, int line, int column, String message) {
        return new Problem(Severity.WARNING, file, line, column, message);
    }

    /** {@code file:line:column: severity: message}, the form editors and CI logs understand. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file == null || file.isEmpty() ? "<campaign>" : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(severity.name().toLowerCase()).append(": ").append(message).toString();
    }
}
