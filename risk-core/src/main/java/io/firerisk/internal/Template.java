package io.firerisk.internal;

import io.firerisk.Text;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A rule's explanation sentence, such as {@code 安全出口总净宽度为规定值的{$f.percent}%，小于{percent:gb35181.6.5.exit-width-ratio-below}%}:
 * literal text with {@code {$binding.property.property}} holes filled from the facts the rule
 * matched. Compiled once per rule; rendering is a walk over the parts.
 *
 * <p>{@code {percent:key}} and {@code {number:key}} write a campaign parameter into the sentence
 * (0.8 as {@code 80} or {@code 0.8}). They are filled when the campaign is compiled, so a sentence
 * states the threshold its rule tests even after an analyst changes it, and cost nothing per assessment.
 *
 * <p>A {@link Text} value renders in the sentence's own language, dates as ISO dates, collections
 * joined with 、 (Chinese) or ", " (English) (lists and sorted sets in their order, other collections
 * sorted), and decimals without trailing zeros.
 */
final class Template {

    /** A placeholder: a rule binding and the property path read from it. */
    public record Hole(String binding, List<String> path, int offset) {}

    private static final Map<String, Optional<MethodHandle>> ACCESSORS = new ConcurrentHashMap<>();

    private final String source;
    private final List<Object> parts;

    private Template(String source, List<Object> parts) {
        this.source = source;
        this.parts = parts;
    }

    public String source() {
        return source;
    }

    public List<Hole> holes() {
        return parts.stream().filter(Hole.class::isInstance).map(Hole.class::cast).toList();
    }

    /**
     * Parses a template, filling its {@code {percent:key}} and {@code {number:key}} placeholders from
     * {@code parameters}.
     *
     * @throws IllegalArgumentException naming the offset of an unclosed or malformed placeholder, or a
     *                                  parameter {@code parameters} does not define
     */
    public static Template parse(String source, Map<String, Double> parameters) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '{') {
                int close = source.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("placeholder at character " + (i + 1) + " is never closed with }");
                }
                String expr = source.substring(i + 1, close).strip();
                String parameter = parameter(expr, parameters, i + 1);
                if (parameter != null) {
                    literal.append(parameter);
                    i = close + 1;
                    continue;
                }
                if (!expr.startsWith("$") || expr.length() < 2) {
                    throw new IllegalArgumentException("placeholder {" + expr + "} at character " + (i + 1)
                            + " must name a rule binding, such as {$f.label}, or a campaign parameter, such as"
                            + " {percent:gb35181.6.5.exit-width-ratio-below}");
                }
                String[] segments = expr.split("\\.");
                for (String s : segments) {
                    if (s.isEmpty()) {
                        throw new IllegalArgumentException("placeholder {" + expr + "} at character " + (i + 1)
                                + " has an empty property name");
                    }
                }
                if (!literal.isEmpty()) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(new Hole(segments[0], List.of(segments).subList(1, segments.length), i + 1));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
        }
        return new Template(source, List.copyOf(parts));
    }

    /** The text of a {@code {percent:key}} or {@code {number:key}} placeholder, or null for any other. */
    private static String parameter(String expr, Map<String, Double> parameters, int offset) {
        int colon = expr.indexOf(':');
        String form = colon < 0 ? "" : expr.substring(0, colon);
        if (!form.equals("percent") && !form.equals("number")) {
            return null;
        }
        String key = expr.substring(colon + 1).strip();
        Double value = parameters.get(key);
        if (value == null) {
            throw new IllegalArgumentException("placeholder {" + expr + "} at character " + offset + " names parameter '"
                    + key + "', which is not defined under parameters: in campaign.yaml");
        }
        BigDecimal number = BigDecimal.valueOf(value);
        return (form.equals("percent") ? number.movePointRight(2) : number).stripTrailingZeros().toPlainString();
    }

    /**
     * Checks that every property of every hole exists on the given binding types, returning a
     * message for each that does not.
     */
    public List<String> check(Map<String, Class<?>> bindingTypes) {
        List<String> errors = new ArrayList<>();
        for (Hole hole : holes()) {
            Class<?> type = bindingTypes.get(hole.binding());
            if (type == null) {
                errors.add("{" + hole.binding() + "…} at character " + hole.offset() + ": the rule binds no "
                        + hole.binding() + " (it binds " + String.join(", ", bindingTypes.keySet()) + ")");
                continue;
            }
            for (String property : hole.path()) {
                Optional<Method> method = accessor(type, property);
                if (method.isEmpty()) {
                    errors.add("{" + hole.binding() + "." + String.join(".", hole.path()) + "} at character "
                            + hole.offset() + ": " + type.getSimpleName() + " has no property '" + property + "'");
                    break;
                }
                type = method.get().getReturnType();
                if (type.isPrimitive() || type == String.class || type == Text.class) {
                    // nothing deeper to check unless the path goes on
                }
            }
        }
        return errors;
    }

    /**
     * The sentence in the given language, with holes filled from {@code bindings}. A hole that comes out empty
     * (a finding with no location, nothing counted) alone between brackets takes its brackets with it: a reader
     * sees "灭火器失效，" rather than "灭火器失效（），", which reads as if something were missing.
     */
    public String render(Function<String, Object> bindings, Locale locale) {
        StringBuilder sb = new StringBuilder();
        boolean skipClosing = false;
        for (int i = 0; i < parts.size(); i++) {
            Object part = parts.get(i);
            if (part instanceof String s) {
                sb.append(skipClosing ? s.substring(1) : s);
                skipClosing = false;
            } else {
                Hole hole = (Hole) part;
                Object value = bindings.apply(hole.binding());
                for (String property : hole.path()) {
                    value = read(value, property);
                }
                String text = format(value, locale);
                if (text.isEmpty() && i + 1 < parts.size() && parts.get(i + 1) instanceof String next) {
                    skipClosing = dropOpening(sb, next);
                }
                sb.append(text);
            }
        }
        return sb.toString();
    }

    /**
     * Before an empty hole: when the sentence so far ends with an opening bracket and {@code next} starts with
     * its closing one, removes the opening bracket (an English one with the space before it) and says so.
     */
    private static boolean dropOpening(StringBuilder sb, String next) {
        int end = sb.length() - 1;
        if (end < 0 || next.isEmpty()) {
            return false;
        }
        char open = sb.charAt(end);
        char close = switch (open) {
            case '（' -> '）';
            case '(' -> ')';
            case '[' -> ']';
            case '【' -> '】';
            default -> 0;
        };
        if (close == 0 || next.charAt(0) != close) {
            return false;
        }
        sb.setLength((open == '(' || open == '[') && end > 0 && sb.charAt(end - 1) == ' ' ? end - 1 : end);
        return true;
    }

    static String format(Object value, Locale locale) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Text t) {
            return t.in(locale);
        }
        if (value instanceof io.firerisk.Label l) {
            return l.text().in(locale);
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "—";
            }
            return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.format(Locale.ROOT, "%.2f", d);
        }
        if (value instanceof Float f) {
            return format(f.doubleValue(), locale);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Enum<?> e) {
            try {
                Method label = e.getClass().getMethod("label");
                if (label.getReturnType() == Text.class) {
                    return ((Text) label.invoke(e)).in(locale);
                }
            } catch (ReflectiveOperationException ignored) {
                // plain enum: its name is the best we have
            }
            return e.name();
        }
        if (value instanceof Collection<?> c) {
            String sep = "zh".equals(locale.getLanguage()) ? "、" : ", ";
            java.util.stream.Stream<String> items = c.stream().map(v -> format(v, locale));
            // Lists and sorted sets keep their own order (elements as the standard numbers them);
            // other collections are sorted so a sentence reads the same on every run.
            if (!(c instanceof List<?> || c instanceof java.util.SortedSet<?>)) {
                items = items.sorted();
            }
            return items.collect(Collectors.joining(sep));
        }
        return String.valueOf(value);
    }

    private static Object read(Object target, String property) {
        if (target == null) {
            return null;
        }
        Optional<MethodHandle> handle = ACCESSORS.computeIfAbsent(target.getClass().getName() + "#" + property,
                k -> accessor(target.getClass(), property).map(Template::unreflect));
        if (handle.isEmpty()) {
            return "{" + property + "?}";
        }
        try {
            return handle.get().invoke(target);
        } catch (Throwable e) {
            return "{" + property + "!}";
        }
    }

    private static MethodHandle unreflect(Method m) {
        try {
            return MethodHandles.publicLookup().unreflect(m).asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public no-argument method that reads {@code property}: {@code property()}, {@code getProperty()} or {@code isProperty()}. */
    static Optional<Method> accessor(Class<?> type, String property) {
        String cap = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String name : List.of(property, "get" + cap, "is" + cap)) {
            try {
                Method m = type.getMethod(name);
                if (m.getReturnType() != void.class && Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
                    return Optional.of(m);
                }
            } catch (NoSuchMethodException ignored) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }
}
