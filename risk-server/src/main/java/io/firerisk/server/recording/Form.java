package io.firerisk.server.recording;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A form as the page shows it: which form it is, the values to fill in (what the person sent, when
 * the form comes back with errors) and the message beside each field at fault. The request id is new
 * for each form shown and kept when it comes back, so sending it twice records once.
 */
public final class Form {
    private final String name;
    private final Map<String, String> values;
    private final Map<String, String> errors;

    private Form(String name, Map<String, String> values, Map<String, String> errors) {
        this.name = name;
        this.values = values;
        this.errors = errors;
    }

    /** A new, empty form. */
    public static Form blank(String name) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("requestId", UUID.randomUUID().toString());
        return new Form(name, values, Map.of());
    }

    /** The form as sent, with the errors found in it. */
    public static Form sent(String name, Map<String, String[]> params, Map<String, String> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((k, v) -> values.put(k, v.length == 0 ? "" : v[0]));
        if (!values.containsKey("requestId") || values.get("requestId").isBlank()) {
            values.put("requestId", UUID.randomUUID().toString());
        }
        return new Form(name, values, Map.copyOf(errors));
    }

    public String name() {
        return name;
    }

    /** Whether this is the form called {@code name} (a page holding several shows the errors of the one sent). */
    public boolean is(String name) {
        return this.name.equals(name);
    }

    /** The value sent for a field, or {@code fallback}. */
    public String value(String field, String fallback) {
        String v = values.get(field);
        return v == null ? fallback : v;
    }

    public String value(String field) {
        return value(field, "");
    }

    public boolean checked(String field, String value) {
        return value.equals(values.get(field));
    }

    /** The message for a field, or empty. */
    public String error(String field) {
        String e = errors.get(field);
        return e == null ? "" : e;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The errors of the whole submission (not of one field), and of fields the form does not show. */
    public List<String> general(List<String> shown) {
        return errors.entrySet().stream().filter(e -> !shown.contains(e.getKey())).map(Map.Entry::getValue).toList();
    }

    /** How many finding rows the inspection form shows: those sent, at least one. */
    public int findingRows() {
        int rows = 1;
        for (String k : values.keySet()) {
            if (k.startsWith("findings[")) {
                int end = k.indexOf(']');
                try {
                    rows = Math.max(rows, Integer.parseInt(k.substring(9, end)) + 1);
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    // not a row of ours: ignored
                }
            }
        }
        return Math.min(rows, RecordingService.MAX_FINDINGS);
    }
}
