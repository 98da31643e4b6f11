package io.firerisk.campaign;

import io.firerisk.Text;
import io.firerisk.Verification;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A determination element of a hazard standard's edition, such as GB 35181-2017 6.5 or 7.3.6.
 *
 * @param number       the element's number in the standard
 * @param kind         direct or comprehensive
 * @param label        its wording, in short
 * @param clause       the clause id that cites it
 * @param verification how sure the campaign is of its wording and number
 * @param places       the places the element names in its wording (高层建筑、地下人员密集场所), any of which
 *                     makes it apply; empty when it applies to any building or place
 * @param conditions   conditions (elements of kind {@link ElementKind#CONDITION}) that also make it, such as
 *                     GB 35181-2025 A.4 for 5.1 e): "…或已设置的系统按照附录A判定为不能正常运行"
 * @param standard     the id of the standard edition it belongs to ({@link Standard#id()}); for a campaign
 *                     carrying its determination itself, its {@code standard:} value
 */
public record Element(String number, ElementKind kind, Text label, String clause, Verification verification,
        List<PlaceCondition> places, List<String> conditions, String standard) {

    /**
     * What identifies an element in a campaign: its edition and its number. Two editions of a standard may
     * number different elements alike (a 6.x of one is not the 6.x of the other), so a number alone names an
     * element only together with the edition in force.
     *
     * @param standard the edition's id ({@link Standard#id()}), such as {@code gb35181-2025}
     * @param number   the element's number in it, such as {@code 5.1.h}
     */
    public record Key(String standard, String number) implements Comparable<Key> {
        public Key {
            standard = standard == null ? "" : standard;
            java.util.Objects.requireNonNull(number, "number");
        }

        /** By edition, then in the standard's order of numbers. */
        @Override
        public int compareTo(Key other) {
            int byStandard = standard.compareTo(other.standard);
            return byStandard != 0 ? byStandard : NUMBER_ORDER.compare(number, other.number);
        }

        @Override
        public String toString() {
            return standard + " " + number;
        }
    }

    /**
     * The edition's and the number's hash only: consistent with the record's equality (equal elements have equal
     * editions and numbers), and cheap. Drools hashes every element a {@code from campaign.elementsAt($v)} or {@code
     * from campaign.elements(…)} yields, for every finding it is joined with; the record's own hash went through
     * every component, the place conditions and their lists included, and was a fifth of the CPU of a venue with a
     * hundred findings (docs/performance.md, *Growth in findings*).
     */
    @Override
    public int hashCode() {
        return 31 * standard.hashCode() + java.util.Objects.hashCode(number);
    }

    /** This element's key: its edition and its number. */
    public Key key() {
        return new Key(standard, number);
    }

    public Element {
        places = List.copyOf(places);
        conditions = List.copyOf(conditions);
        standard = standard == null ? "" : standard;
    }

    /**
     * How an explanation lists the element among the facts a rule matched: its number, kind and clause, the
     * places it names and the conditions that also make it, when it has any (an empty list says nothing).
     */
    @Override
    public String toString() {
        return "element " + number + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ", " + clause
                + (verification == Verification.VERIFIED ? "" : " [" + verification.mark() + "]")
                + (places.isEmpty() ? "" : "; at " + places.stream().map(PlaceCondition::toString)
                        .collect(java.util.stream.Collectors.joining(" or ")))
                + (conditions.isEmpty() ? "" : "; or " + String.join(", ", conditions)) + ")";
    }

    /** An element for any building or place, made by findings only. */
    public Element(String number, ElementKind kind, Text label, String clause, Verification verification,
            String standard) {
        this(number, kind, label, clause, verification, List.of(), List.of(), standard);
    }

    /**
     * True when a venue in {@code placeClasses}, with the {@code facts} of {@link PlaceCondition#FACTS} that
     * hold for it, is a place the element names.
     */
    public boolean appliesTo(Set<String> placeClasses, Set<String> facts) {
        return places.isEmpty() || places.stream().anyMatch(p -> p.holds(placeClasses, facts));
    }

    /**
     * An element number as the standard writes it, for people: an item of a clause is its letter and a
     * parenthesis, {@code 5.1.h → 5.1 h)}; a numbered clause stays as it is ({@code 6.5}, {@code 7.3.10},
     * {@code A.4}). The dotted form is the key data and rules use.
     */
    public static String written(String number) {
        int dot = number.lastIndexOf('.');
        if (dot <= 0 || dot == number.length() - 1) {
            return number;
        }
        String item = number.substring(dot + 1);
        for (int i = 0; i < item.length(); i++) {
            if (item.charAt(i) < 'a' || item.charAt(i) > 'z') {
                return number;
            }
        }
        return number.substring(0, dot) + " " + item + ")";
    }

    /** Element numbers in the standard's order: 6.2 before 6.10, 7.3.9 before 7.3.10. */
    public static final Comparator<String> NUMBER_ORDER = Element::compareNumbers;

    private static int compareNumbers(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ei = segmentEnd(a, i);
            int ej = segmentEnd(b, j);
            int c = compareSegments(a, i, ei, b, j, ej);
            if (c != 0) {
                return c;
            }
            i = ei + 1;
            j = ej + 1;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int segmentEnd(String s, int from) {
        int dot = s.indexOf('.', from);
        return dot < 0 ? s.length() : dot;
    }

    /** Numeric segments compare as numbers, anything else as text. */
    private static int compareSegments(String a, int as, int ae, String b, int bs, int be) {
        if (digits(a, as, ae) && digits(b, bs, be)) {
            int byLength = Integer.compare(ae - as, be - bs);
            if (byLength != 0) {
                return byLength;
            }
        }
        return a.substring(as, ae).compareTo(b.substring(bs, be));
    }

    private static boolean digits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }
}
