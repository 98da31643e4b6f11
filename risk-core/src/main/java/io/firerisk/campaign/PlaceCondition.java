package io.firerisk.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A place an element names, as written in the {@code places} column of elements.csv: a place class
 * (or {@code *} for any place) with facts of the venue that must or must not hold. {@code
 * CROWDED+underground} is 地下人员密集场所, {@code CROWDED-underground} 地上人员密集场所, {@code
 * *+high_rise} 高层建筑.
 *
 * @param placeClass a place class code, or {@link #ANY} for any place
 * @param facts      each fact of {@link #FACTS} the condition tests, with the value it needs
 */
public record PlaceCondition(String placeClass, Map<String, Boolean> facts) {

    public static final String ANY = "*";
    /** The venue facts a place condition can test. */
    public static final List<String> FACTS = List.of("underground", "high_rise", "sleeping", "dangerous_goods");

    public PlaceCondition {
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /**
     * Reads {@code CLASS}, {@code *} or either followed by {@code +fact} / {@code -fact} for each fact.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static PlaceCondition parse(String text) {
        String s = text.strip();
        int cut = indexOfSign(s);
        String placeClass = (cut < 0 ? s : s.substring(0, cut)).strip();
        if (placeClass.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' names no place class (write a class code, or * for any place)");
        }
        Map<String, Boolean> facts = new LinkedHashMap<>();
        while (cut >= 0) {
            boolean required = s.charAt(cut) == '+';
            int next = indexOfSign(s.substring(cut + 1));
            String fact = (next < 0 ? s.substring(cut + 1) : s.substring(cut + 1, cut + 1 + next)).strip()
                    .toLowerCase(Locale.ROOT);
            if (!FACTS.contains(fact)) {
                throw new IllegalArgumentException("'" + text + "': '" + fact + "' is not a venue fact (known: "
                        + String.join(", ", FACTS) + ")");
            }
            if (facts.put(fact, required) != null) {
                throw new IllegalArgumentException("'" + text + "' names '" + fact + "' twice");
            }
            cut = next < 0 ? -1 : cut + 1 + next;
        }
        return new PlaceCondition(placeClass, facts);
    }

    private static int indexOfSign(String s) {
        int plus = s.indexOf('+');
        int minus = s.indexOf('-');
        if (plus < 0) {
            return minus;
        }
        return minus < 0 ? plus : Math.min(plus, minus);
    }

    /** True when a venue in {@code placeClasses} for which exactly {@code venueFacts} hold meets the condition. */
    public boolean holds(Set<String> placeClasses, Set<String> venueFacts) {
        if (!placeClass.equals(ANY) && !placeClasses.contains(placeClass)) {
            return false;
        }
        for (Map.Entry<String, Boolean> f : facts.entrySet()) {
            if (venueFacts.contains(f.getKey()) != f.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(placeClass);
        facts.forEach((fact, required) -> b.append(required ? '+' : '-').append(fact));
        return b.toString();
    }
}
