package io.firerisk.analysis;

import io.firerisk.Problem;


/**
 * One finding of {@link Validator}: what is wrong or suspicious, and where.
 *
 * @param severity {@code ERROR}: the campaign cannot be used as it is; {@code WARNING}: it can, but
 *                 something is probably missing or forgotten
 * @param check    what kind of check found it
 * @param file     path relative to the campaign folder, such as {@code rules/gb35181/direct.drl}
 * @param line     1-based line, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param message  what is wrong, and how to fix it
 */
public record Diagnostic(Problem.Severity severity, Check check, String file, int line, int column, String message) {

    public Diagnostic {
        file = file == null ? "" : file;
        message = message == null ? "" : message;
    }

    static Diagnostic error(Check check, String file, int line, int column, String message) {
        return new Diagnostic(Problem.Severity.ERROR, check, file, line, column, message);
    }

    static Diagnostic warning(Check check, String file, int line, int column, String message) {
        return new Diagnostic(Problem.Severity.WARNING, check, file, line, column, message);
    }

    static Diagnostic of(Check check, Problem p) {
        return new Diagnostic(p.severity(), check, p.file(), p.line(), p.column(), p.text());
    }

    public boolean isError() {
        return severity == Problem.Severity.ERROR;
    }

    /** {@code file:line:column: severity: message [check]}, the form editors and CI logs understand. */
    @Override
    public String toString() {
        return new Problem(severity, file, line, column, message) + " [" + check.id() + "]";
    }
}
