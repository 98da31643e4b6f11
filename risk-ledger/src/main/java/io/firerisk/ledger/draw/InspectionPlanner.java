package io.firerisk.ledger.draw;

import io.firerisk.AssessedFinding;
import io.firerisk.Assessment;
import io.firerisk.RectificationStatus;
import io.firerisk.RiskGrade;
import io.firerisk.Venue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Draws a 双随机、一公开 inspection plan from assessed venues, as they stream past.
 *
 * <p><b>Venues.</b> Every venue with a hazard reported rectified and not yet confirmed is in the
 * plan for a re-inspection (回头看). From the others, {@code count} are drawn without replacement,
 * weighted by grade and by overdue rectifications: weight = grade weight × (1 + overdue weight ×
 * overdue findings). The draw is Efraimidis–Spirakis: each venue gets the key u^(1/weight) and the
 * largest keys win. u comes from SHA-256 of the seed and the venue id, not from a sequence, so the
 * draw does not depend on the order of the input, anyone with the seed can check it (一公开), and
 * only the {@code count} best keys are kept in memory.
 *
 * <p><b>Inspectors.</b> For each venue in plan order, the least-loaded inspectors who did not
 * inspect it in the previous plan, ties broken by the same kind of seeded hash. When the roster is
 * too small to avoid a repeat, the row says so.
 */
public final class InspectionPlanner {

    /** The weight of each grade unless the caller gives others: a red venue is eight times as likely as a blue one. */
    public static final Map<RiskGrade, Double> DEFAULT_WEIGHTS = Map.of(RiskGrade.RED, 8.0, RiskGrade.ORANGE, 4.0,
            RiskGrade.YELLOW, 2.0, RiskGrade.BLUE, 1.0);

    private record Candidate(long order, String venueId, String name, String street, String kind, RiskGrade grade,
            List<String> reinspect, int overdue, double weight, double key) {}

    private final long seed;
    private final int count;
    private final Map<RiskGrade, Double> weights;
    private final double overdueWeight;
    private final List<Candidate> reinspections = new ArrayList<>();
    private final PriorityQueue<Candidate> drawn;
    private long candidates;
    private long order;

    /**
     * A draw of {@code count} venues with this seed, weighted by {@code weights} per grade and by
     * {@code overdueWeight} per overdue rectification.
     */
    public InspectionPlanner(long seed, int count, Map<RiskGrade, Double> weights, double overdueWeight) {
        this.seed = seed;
        this.count = count;
        this.weights = weights;
        this.overdueWeight = overdueWeight;
        this.drawn = new PriorityQueue<>(Comparator.comparingDouble(Candidate::key).thenComparing(Candidate::venueId,
                Comparator.reverseOrder()));
    }

    /** Offers a venue, as assessed on the plan's date, to the draw. */
    public void add(Venue venue, Assessment a) {
        List<String> reinspect = a.findings().stream().filter(f -> f.status() == RectificationStatus.RECTIFIED)
                .map(AssessedFinding::id).toList();
        int overdue = (int) a.findings().stream().filter(AssessedFinding::overdue).count();
        double weight = weights.getOrDefault(a.grade(), 1.0) * (1 + overdueWeight * overdue);
        if (!reinspect.isEmpty()) {
            reinspections.add(new Candidate(order++, venue.id(), venue.name(), venue.street(), venue.kind(), a.grade(),
                    reinspect, overdue, weight, Double.NaN));
            return;
        }
        if (weight <= 0) {
            return;
        }
        candidates++;
        double key = Math.log(uniform(seed, venue.id())) / weight;
        Candidate c = new Candidate(order++, venue.id(), venue.name(), venue.street(), venue.kind(), a.grade(), List.of(),
                overdue, weight, key);
        drawn.add(c);
        if (drawn.size() > count) {
            drawn.poll();
        }
    }

    /**
     * The plan: re-inspections first, then the venues drawn in the order drawn, each with {@code perVenue}
     * inspectors drawn from the roster, avoiding those {@code previous} names for the venue. Notes and
     * warnings are in the language of {@code locale}.
     */
    public InspectionPlan plan(LocalDate date, List<InspectionPlan.Inspector> roster, Map<String, Set<String>> previous,
            int perVenue, Locale locale) {
        Lang lang = new Lang(locale);
        List<Candidate> ordered = new ArrayList<>(reinspections);
        List<Candidate> picked = new ArrayList<>(drawn);
        picked.sort(Comparator.comparingDouble(Candidate::key).reversed().thenComparing(Candidate::venueId));
        ordered.addAll(picked);
        Map<String, Integer> load = new HashMap<>();
        roster.forEach(i -> load.put(i.id(), 0));
        List<InspectionPlan.Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int wanted = Math.min(perVenue, roster.size());
        if (wanted < perVenue) {
            warnings.add(lang.of("名册只有 " + roster.size() + " 名检查人员，每个场所只能安排 " + wanted + " 名",
                    "the roster has only " + roster.size() + " inspectors: " + wanted + " per venue"));
        }
        int seq = 0;
        for (Candidate c : ordered) {
            Set<String> before = previous.getOrDefault(c.venueId(), Set.of());
            Comparator<InspectionPlan.Inspector> fairest = Comparator
                    .comparingInt((InspectionPlan.Inspector i) -> load.get(i.id()))
                    .thenComparingDouble(i -> uniform(seed, c.venueId() + "\u0000" + i.id()));
            List<InspectionPlan.Inspector> fresh = roster.stream().filter(i -> !before.contains(i.id())).sorted(fairest).toList();
            List<InspectionPlan.Inspector> chosen = new ArrayList<>(fresh.subList(0, Math.min(wanted, fresh.size())));
            String note = "";
            if (chosen.size() < wanted) {
                List<InspectionPlan.Inspector> again = roster.stream().filter(i -> before.contains(i.id())).sorted(fairest)
                        .limit(wanted - chosen.size()).toList();
                chosen.addAll(again);
                note = lang.of("名册人数不足，未能避开上次检查该场所的 ", "roster too small to avoid last time's ")
                        + String.join("、", again.stream().map(InspectionPlan.Inspector::id).toList());
                warnings.add(c.venueId() + ": " + note);
            }
            chosen.forEach(i -> load.merge(i.id(), 1, Integer::sum));
            rows.add(new InspectionPlan.Row(++seq, c.venueId(), c.name(), c.street(), c.kind(), c.grade(),
                    !c.reinspect().isEmpty(), Double.isFinite(c.key()), c.reinspect(), c.overdue(), c.weight(), chosen, note));
        }
        if (drawn.size() < count) {
            warnings.add(lang.of("可抽取的场所只有 " + candidates + " 个，少于要求的 " + count + " 个",
                    "only " + candidates + " venues to draw from, fewer than the " + count + " asked for"));
        }
        return new InspectionPlan(seed, date, candidates, picked.size(), reinspections.size(), rows, warnings);
    }

    /** A number in (0, 1) from SHA-256 of the seed and a text: the same on every machine and in every order. */
    public static double uniform(long seed, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(sha.digest()).getLong() >>> 11;
            return (bits + 0.5) / (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Chinese unless the locale asks for another language (then English). */
    private record Lang(Locale locale) {
        String of(String zh, String en) {
            return locale == null || "zh".equals(locale.getLanguage()) ? zh : en;
        }
    }
}
