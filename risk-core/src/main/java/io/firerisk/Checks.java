package io.firerisk;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Argument checks for the fact records: every message names the record, the field and the bad value. */
final class Checks {
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_TEXT_LENGTH = 2_000;
    /** Dates outside this range are typos (a year of 20240), and dates near the ends of LocalDate overflow deadline arithmetic. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);

    private Checks() {}

    static String id(String owner, String field, String value) {
        if (value == null || value.isBlank()) {
            throw fail(owner, field, owner + "." + field + " must not be blank (was " + quote(value) + ")");
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_ID_LENGTH) {
            throw fail(owner, field, owner + "." + field + " must be at most " + MAX_ID_LENGTH
                    + " characters (was " + trimmed.length() + ")");
        }
        rejectControlCharacters(owner, field, trimmed);
        return trimmed;
    }

    static String text(String owner, String field, String value) {
        if (value == null) {
            return "";
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw fail(owner, field, owner + "." + field + " must be at most " + MAX_TEXT_LENGTH
                    + " characters (was " + trimmed.length() + ")");
        }
        return trimmed;
    }

    static int atLeast(String owner, String field, int value, int min) {
        if (value < min) {
            throw fail(owner, field, owner + "." + field + " must be >= " + min + " (was " + value + ")");
        }
        return value;
    }

    static int between(String owner, String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw fail(owner, field, owner + "." + field + " must be between " + min + " and " + max
                    + " (was " + value + ")");
        }
        return value;
    }

    static Double optionalBetween(String owner, String field, Double value, double min, double max) {
        if (value == null) {
            return null;
        }
        if (value.isNaN() || value.isInfinite() || value < min || value > max) {
            throw fail(owner, field, owner + "." + field + " must be between " + min + " and " + max
                    + " (was " + value + ")");
        }
        return value;
    }

    static LocalDate optionalDate(String owner, String field, LocalDate value) {
        if (value != null && (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE))) {
            throw fail(owner, field, owner + "." + field + " must be between " + EARLIEST_DATE + " and "
                    + LATEST_DATE + " (was " + value + ")");
        }
        return value;
    }

    static <T> T notNull(String owner, String field, T value) {
        if (value == null) {
            throw fail(owner, field, owner + "." + field + " must not be null");
        }
        return value;
    }

    static <T> List<T> list(String owner, String field, List<T> values) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw fail(owner, field + "[" + i + "]", owner + "." + field + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(values);
    }

    /** A list of codes (such as venue kinds): each as {@link #id}, at most {@code max} of them, none twice. */
    static List<String> ids(String owner, String field, List<String> values, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw fail(owner, field, owner + "." + field + " must hold at most " + max + " codes (was " + values.size() + ")");
        }
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String code = id(owner, field + "[" + i + "]", values.get(i));
            if (!out.add(code)) {
                throw fail(owner, field + "[" + i + "]", owner + "." + field + " names " + quote(code) + " twice");
            }
        }
        return List.copyOf(out);
    }

    /**
     * Ids are matched, joined and shown in reports: a control character or a direction override
     * (which makes one id display as another) has no place in one.
     */
    private static void rejectControlCharacters(String owner, String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || directional(c)) {
                throw fail(owner, field, owner + "." + field + " must not contain control characters (was "
                        + quote(value) + ")");
            }
        }
    }

    /** Bidirectional formatting characters: marks, embeddings, overrides and isolates. */
    static boolean directional(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** The record's name from an owner such as {@code Venue 'V-1'} or {@code VenueFacts for venue 'V-1'}. */
    static InvalidFactException fail(String owner, String field, String message) {
        int space = owner.indexOf(' ');
        return new InvalidFactException(space < 0 ? owner : owner.substring(0, space), field, message);
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        value.codePoints().limit(80).forEach(cp -> {
            if (Character.isISOControl(cp) || directional(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        if (value.codePointCount(0, value.length()) > 80) {
            sb.append("…");
        }
        return sb.append('"').toString();
    }

    static String ownerOf(String record, String id) {
        return id == null ? record : record + " '" + id + "'";
    }

    static void requireNonNullArg(Object value, String name) {
        Objects.requireNonNull(value, name);
    }
}
