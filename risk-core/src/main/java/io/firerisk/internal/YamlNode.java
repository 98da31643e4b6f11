package io.firerisk.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.firerisk.Problem;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML document kept as a tree whose every node remembers its path, line and column, so a data
 * error can say {@code campaign.yaml:41:7: calendar.phases[1].to: ...}. Jackson's own tree drops
 * locations once parsed, hence this small one.
 */
public final class YamlNode {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String file;
    private final String path;
    private final int line;
    private final int column;
    private final String scalar;
    private final Map<String, YamlNode> fields;
    private final List<YamlNode> items;
    private boolean syntaxError;

    private YamlNode(String file, String path, int line, int column, String scalar, Map<String, YamlNode> fields,
            List<YamlNode> items) {
        this.file = file;
        this.path = path;
        this.line = line;
        this.column = column;
        this.scalar = scalar;
        this.fields = fields;
        this.items = items;
    }

    /**
     * Parses a YAML document. A syntax error becomes one problem, at the line and column where the parser
     * found it (a tab used for indenting, a bracket not closed), and an empty map that
     * {@link #syntaxError()}, so that nothing is checked against a document that was not read. A key given
     * twice in one mapping is an error at its second place (which value would count?).
     */
    public static YamlNode parse(String file, String text, List<Problem> problems) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(Problem.error(file, 1, 0, "the file is empty"));
                return emptyMap(file);
            }
            YamlNode root = read(file, "", parser, problems);
            if (root.fields == null) {
                problems.add(Problem.error(file, root.line, root.column, "the document must be a mapping of keys to values"));
                return emptyMap(file);
            }
            return root;
        } catch (JsonProcessingException e) {
            problems.add(syntax(file, text, e));
            YamlNode none = emptyMap(file);
            none.syntaxError = true;
            return none;
        } catch (IOException e) {
            problems.add(Problem.error(file, 0, 0, "cannot read: " + e.getMessage()));
            return emptyMap(file);
        }
    }

    /**
     * A syntax error where the YAML parser found it. Jackson's own location is that of the last token it
     * read, often lines before (a tab at the start of line 81 was reported at line 79), so the parser's
     * problem mark is used, and its message is kept to the problem without the quoted snippet.
     */
    private static Problem syntax(String file, String text, JsonProcessingException e) {
        int line = 0;
        int column = 0;
        String message = e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException marked
                && marked.getProblemMark() != null) {
            line = marked.getProblemMark().getLine() + 1;
            column = marked.getProblemMark().getColumn() + 1;
            message = marked.getProblem() + (marked.getContext() == null ? "" : " (" + marked.getContext() + ")");
        } else if (e.getLocation() != null) {
            line = e.getLocation().getLineNr();
            column = e.getLocation().getColumnNr();
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1].length()
                && lines[line - 1].charAt(column - 1) == '\t') {
            message = "a tab cannot indent YAML or start a value: use spaces";
        }
        return Problem.error(file, line, column, "YAML syntax: " + message.replace("\t(TAB)", "tab").strip());
    }

    private static YamlNode emptyMap(String file) {
        return new YamlNode(file, "", 1, 1, null, Map.of(), null);
    }

    /** True when the file could not be parsed as YAML: the node is an empty stand-in. */
    public boolean syntaxError() {
        return syntaxError;
    }

    private static YamlNode read(String file, String path, JsonParser parser, List<Problem> problems) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode> fields = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new java.util.HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonLocation key = parser.currentTokenLocation();
                parser.nextToken();
                String keyPath = path.isEmpty() ? name : path + "." + name;
                YamlNode value = read(file, keyPath, parser, problems);
                Integer earlier = keyLines.putIfAbsent(name, key.getLineNr());
                if (earlier != null) {
                    problems.add(Problem.error(file, key.getLineNr(), key.getColumnNr(), keyPath, "key '" + name
                            + "' is given twice in one mapping (first on line " + earlier + "): which value"
                            + " counts is not clear; give it once"));
                } else {
                    fields.put(name, value);
                }
            }
            return new YamlNode(file, path, line, column, null, Collections.unmodifiableMap(fields), null);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(file, path + "[" + index++ + "]", parser, problems));
            }
            return new YamlNode(file, path, line, column, null, null, List.copyOf(items));
        }
        String text = token == JsonToken.VALUE_NULL ? "" : parser.getText();
        return new YamlNode(file, path, line, column, text, null, null);
    }

    public String file() { return file; }
    public String path() { return path; }
    public int line() { return line; }
    public int column() { return column; }

    public boolean isMap() { return fields != null; }
    public boolean isList() { return items != null; }
    public boolean isScalar() { return scalar != null; }

    /** An error at this node: its path is the problem's field (and decides whether it is a calendar problem). */
    public Problem problem(String message) {
        return Problem.error(file, line, column, path, message);
    }

    /** The child under {@code key}, if this is a map that has it. */
    public Optional<YamlNode> get(String key) {
        return fields == null ? Optional.empty() : Optional.ofNullable(fields.get(key));
    }

    /** The node at a dotted path of map keys, such as {@code calendar.leadDays}, if there is one. */
    public Optional<YamlNode> at(String dotted) {
        YamlNode n = this;
        for (String key : dotted.split("\\.")) {
            Optional<YamlNode> next = n.get(key);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            n = next.get();
        }
        return Optional.of(n);
    }

    public Map<String, YamlNode> fields() {
        return fields == null ? Map.of() : fields;
    }

    public List<YamlNode> items() {
        return items == null ? List.of() : items;
    }

    /** The scalar text, or empty for a map or list. */
    public String text() {
        return scalar == null ? "" : scalar.strip();
    }

    // ---- typed access, each recording a located problem on failure ----

    public Optional<YamlNode> required(String key, List<Problem> problems) {
        Optional<YamlNode> child = get(key);
        if (child.isEmpty()) {
            problems.add(problem("missing required key '" + key + "'"));
        }
        return child;
    }

    public Optional<YamlNode> map(String key, boolean required, List<Problem> problems) {
        Optional<YamlNode> child = required ? required(key, problems) : get(key);
        if (child.isPresent() && !child.get().isMap()) {
            problems.add(child.get().problem("must be a mapping of keys to values"));
            return Optional.empty();
        }
        return child;
    }

    public List<YamlNode> list(String key, boolean required, List<Problem> problems) {
        Optional<YamlNode> child = required ? required(key, problems) : get(key);
        if (child.isEmpty()) {
            return List.of();
        }
        if (!child.get().isList()) {
            problems.add(child.get().problem("must be a list"));
            return List.of();
        }
        return child.get().items();
    }

    public Optional<String> string(String key, boolean required, List<Problem> problems) {
        Optional<YamlNode> child = required ? required(key, problems) : get(key);
        if (child.isEmpty()) {
            return Optional.empty();
        }
        if (!child.get().isScalar()) {
            problems.add(child.get().problem("must be a single value"));
            return Optional.empty();
        }
        String value = child.get().text();
        if (value.isEmpty() && required) {
            problems.add(child.get().problem("must not be empty"));
            return Optional.empty();
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public Optional<LocalDate> date(String key, boolean required, List<Problem> problems) {
        return string(key, required, problems).flatMap(value -> {
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                problems.add(get(key).orElseThrow().problem("'" + value + "' is not a date (YYYY-MM-DD)"));
                return Optional.empty();
            }
        });
    }

    public Optional<Integer> integer(String key, boolean required, int min, int max, List<Problem> problems) {
        return string(key, required, problems).flatMap(value -> get(key).orElseThrow().asInteger(min, max, problems));
    }

    public Optional<Integer> asInteger(int min, int max, List<Problem> problems) {
        String value = text();
        try {
            if (!Numbers.isWhole(value)) {
                throw new NumberFormatException(value);
            }
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                problems.add(problem("'" + value + "' must be between " + min + " and " + max));
                return Optional.empty();
            }
            return Optional.of(parsed);
        } catch (NumberFormatException e) {
            problems.add(problem("'" + value + "' is not a whole number"));
            return Optional.empty();
        }
    }

    public Optional<Double> decimal(String key, boolean required, double min, double max, List<Problem> problems) {
        return string(key, required, problems).flatMap(value -> get(key).orElseThrow().asDecimal(min, max, problems));
    }

    public Optional<Double> asDecimal(double min, double max, List<Problem> problems) {
        String value = text();
        try {
            if (!Numbers.isDecimal(value)) {
                throw new NumberFormatException(value);
            }
            double parsed = Double.parseDouble(value);
            if (parsed < min || parsed > max) {
                problems.add(problem("'" + value + "' must be between " + min + " and " + max));
                return Optional.empty();
            }
            return Optional.of(parsed);
        } catch (NumberFormatException e) {
            problems.add(problem("'" + value + "' is not a number"));
            return Optional.empty();
        }
    }

    /** A list of scalars: either a YAML list or one semicolon-separated string. */
    public List<String> strings(String key, List<Problem> problems) {
        Optional<YamlNode> child = get(key);
        if (child.isEmpty()) {
            return List.of();
        }
        YamlNode node = child.get();
        List<String> out = new ArrayList<>();
        if (node.isList()) {
            for (YamlNode item : node.items()) {
                if (!item.isScalar()) {
                    problems.add(item.problem("must be a single value"));
                } else if (!item.text().isEmpty()) {
                    out.add(item.text());
                }
            }
        } else if (node.isScalar()) {
            for (String part : node.text().split("[;；,]")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        } else {
            problems.add(node.problem("must be a list"));
        }
        return out;
    }

    /** Records a problem for each key not in {@code known}: a misspelt key must not be silently ignored. */
    public void rejectUnknownKeys(List<String> known, List<Problem> problems) {
        for (Map.Entry<String, YamlNode> e : fields().entrySet()) {
            if (!known.contains(e.getKey())) {
                problems.add(e.getValue().problem("unknown key '" + e.getKey() + "' (expected one of "
                        + String.join(", ", known) + ")"));
            }
        }
    }
}
