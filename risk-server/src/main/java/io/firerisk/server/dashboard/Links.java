package io.firerisk.server.dashboard;

import io.firerisk.ledger.HazardState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The hazard-list filters behind the dashboard's numbers, as name/value pairs for
 * {@link io.firerisk.server.web.Ui#href}: each number links to the list it counts.
 */
public final class Links {
    private Links() {}

    /** Not yet closed. */
    public static String[] open() {
        return states(DashboardService.OPEN);
    }

    /** Closed or corrected on the spot. */
    public static String[] closed() {
        return states(DashboardService.CLOSED);
    }

    public static String[] overdue() {
        return new String[] {"overdue", "true"};
    }

    /** Open at a red venue. */
    public static String[] openMajor() {
        return and(open(), "grade", "RED");
    }

    /** Closed (销号), what the on-time rate is a share of. */
    public static String[] closedOnly() {
        return new String[] {"state", HazardState.CLOSED.name()};
    }

    public static String[] of(String name, String value) {
        return new String[] {name, value};
    }

    /** The pairs with more pairs after them. */
    public static String[] and(String[] pairs, String... more) {
        String[] out = Arrays.copyOf(pairs, pairs.length + more.length);
        System.arraycopy(more, 0, out, pairs.length, more.length);
        return out;
    }

    private static String[] states(Set<HazardState> states) {
        List<String> out = new ArrayList<>();
        states.stream().sorted().forEach(s -> {
            out.add("state");
            out.add(s.name());
        });
        return out.toArray(String[]::new);
    }
}
