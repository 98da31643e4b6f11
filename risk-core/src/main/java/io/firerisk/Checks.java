package io.firerisk;

import java.util.List;
import java.util.Objects;

/** Argument checks for the fact records: every message names the record, the field and the bad value. */
final class Checks {
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_TEXT_LENGTH = 2_000;

    private Checks() {}

    static String id(String owner, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(owner + "." + field + " must not be blank (was " + quote(value) + ")");
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(owner + "." + field + " must be at most " + MAX_ID_LENGTH
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
            throw new IllegalArgumentException(owner + "." + field + " must be at most " + MAX_TEXT_LENGTH
                    + " characters (was " + trimmed.length() + ")");
        }
        return trimmed;
    }

    static int atLeast(String owner, String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(owner + "." + field + " must be >= " + min + " (was " + value + ")");
        }
        return value;
    }

    static int between(String owner, String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(owner + "." + field + " must be between " + min + " and " + max
                    + " (was " + value + ")");
        }
        return value;
    }

    static Double optionalBetween(String owner, String field, Double value, double min, double max) {
        if (value == null) {
            return null;
        }
        if (value.isNaN() || value.isInfinite() || value < min || value > max) {
            throw new IllegalArgumentException(owner + "." + field + " must be between " + min + " and " + max
                    + " (was " + value + ")");
        }
        return value;
    }

    static <T> T notNull(String owner, String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(owner + "." + field + " must not be null");
        }
        return value;
    }

    static <T> List<T> list(String owner, String field, List<T> values) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException(owner + "." + field + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(values);
    }

    private static void rejectControlCharacters(String owner, String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(owner + "." + field + " must not contain control characters (was "
                        + quote(value) + ")");
            }
        }
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        value.codePoints().limit(80).forEach(cp -> {
            if (Character.isISOControl(cp)) {
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
