package io.firerisk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.firerisk.RiskEngine;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.ElementKind;
import io.firerisk.campaign.HazardType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes fictional Wanzhou venues with findings, as JSON Lines: the bundled sample (200 venues,
 * seed 2023, every hazard code at least once), the streaming benchmark's large files, and with {@code
 * --realistic} a sample at the frequencies met in practice, for calibration ({@link Mode};
 * {@link Calibration} prints what the engine makes of both). A tool of the build, not of the program (it
 * lives in the test tree, so the {@code firerisk} jar does not ship it). Deterministic: the same count,
 * seed, campaign and data give the same file byte for byte ({@link Random}'s sequence is fixed by the
 * Java specification).
 *
 * <pre>
 * ./mvnw -B -ntp -q package -DskipTests
 * java -cp risk-examples/target/test-classes:risk-examples/target/firerisk.jar io.firerisk.cli.SampleGenerator \
 *      --count 200 --seed 2023 --out risk-rules/src/main/resources/samples/wanzhou-venues.jsonl
 * java -cp risk-examples/target/test-classes:risk-examples/target/firerisk.jar io.firerisk.cli.SampleGenerator \
 *      --realistic --count 5000 --out realistic.jsonl
 * </pre>
 *
 * <p>What venues look like and what is found there is data, {@value #DATA} (a name starting with
 * {@code @} is one of the bureau's own facilities; {@code uses} are other kinds a third of such venues also
 * serve as; {@code placeClasses} classes every one declares; a finding's {@code area} is the part it puts
 * at risk); a finding whose hazard code
 * the campaign does not define is left out (and named on stderr), so the sample always loads. When the
 * campaign gains hazard codes, add findings for them there and regenerate; {@code BundledSampleTest}
 * fails until the bundled file matches the generator again.
 */
public final class SampleGenerator {

    public static final int SAMPLE_COUNT = 200;
    public static final long SAMPLE_SEED = 2023;

    /** How a kind of venue looks: how many in 200, size, people, gas, and what inspectors find there. */
    private record Profile(String kind, int per200, String[] names, int[] floors, double storey, int[] occupants,
            boolean sleeping, double lpg, double pipedGas, double underground, boolean dangerousGoods,
            List<Template> findings, String[] uses, String[] classes) {}

    /** What a venue must have for a finding to be possible there: gas of a kind, a high-rise building. */
    enum Need {
        ANY, GAS, LPG, PIPED_GAS, HIGH_RISE, LPG_IN_HIGH_RISE;

        boolean met(String gas, boolean highRise) {
            return switch (this) {
                case ANY -> true;
                case GAS -> !gas.equals("NONE");
                case LPG -> gas.equals("LPG_CYLINDER");
                case PIPED_GAS -> gas.equals("PIPED_NATURAL_GAS");
                case HIGH_RISE -> highRise;
                case LPG_IN_HIGH_RISE -> highRise && gas.equals("LPG_CYLINDER");
            };
        }
    }

    /**
     * A finding an inspector may record at such a venue, with its chance, where, and what the venue must
     * have. A recurring one is more often found again, and so more often met with an order to correct
     * and a refusal.
     */
    private record Template(String code, double chance, String[] locations, double[] ratio, Need need, boolean recurs,
            String area) {}

    /**
     * Which sample. {@link #EVERY_CODE} (the bundled one) draws each finding at its chance and then
     * makes sure every finding of a kind appears at least once, so that every rule of the campaign fires
     * on 200 venues: it is rich in grave findings on purpose. {@link #REALISTIC} draws at the frequencies
     * met in practice, as far as they are known (docs/calibration.md gives the sources and marks the
     * assumptions): nothing is forced in, sizes are log-uniform (small places are the many), ordinary
     * findings are drawn {@value #ORDINARY_SCALE} times as often so that a venue has about as many
     * findings as campaigns report per unit inspected (1.0–2.4), and the grave ones (a code that can
     * carry a legal ground for stopping use, or a direct element of a major fire hazard) at
     * {@value #GRAVE_SCALE} of their chance, which puts the share of suspected major hazards at a few
     * times the share governments list (0.1–0.6% of units).
     */
    enum Mode {
        EVERY_CODE, REALISTIC;

        static final double ORDINARY_SCALE = 1.6;
        static final double GRAVE_SCALE = 0.2;

        double chance(Template t, HazardType type, Campaign campaign) {
            if (this == EVERY_CODE) {
                return t.chance();
            }
            boolean grave = !type.grounds().isEmpty() || type.elements().stream()
                    .anyMatch(e -> campaign.elementsNumbered(e).stream().anyMatch(x -> x.kind() == ElementKind.DIRECT));
            return Math.min(1, t.chance() * (grave ? GRAVE_SCALE : ORDINARY_SCALE));
        }
    }

    /** The generator's data, read once from {@value #DATA}. */
    private record Data(List<String> streets, Map<String, String[]> nameParts, LocalDate first, LocalDate last,
            String[] responsible, String measures, String contingency, List<Profile> profiles) {}

    /** The venues the sample is drawn from: data, not code. */
    static final String DATA = "sample-generator/wanzhou-venues.yaml";

    private static final Data VENUES = read(DATA);

    static final List<String> STREETS = VENUES.streets();

    private static Data read(String resource) {
        try (InputStream in = SampleGenerator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, String[]> parts = new java.util.LinkedHashMap<>();
            root.path("nameParts").fields().forEachRemaining(e -> parts.put(e.getKey(), strings(e.getValue())));
            List<Profile> profiles = new ArrayList<>();
            for (JsonNode p : root.path("profiles")) {
                List<Template> findings = new ArrayList<>();
                for (JsonNode t : p.path("findings")) {
                    findings.add(new Template(t.path("code").asText(), t.path("chance").asDouble(), strings(t.path("at")),
                            t.has("ratio") ? new double[] {t.path("ratio").get(0).asDouble(), t.path("ratio").get(1).asDouble()}
                                    : null,
                            Need.valueOf(t.path("needs").asText("ANY")), t.path("recurs").asBoolean(false),
                            t.has("area") ? t.path("area").asText() : null));
                }
                profiles.add(new Profile(p.path("kind").asText(), p.path("per200").asInt(), strings(p.path("names")),
                        ints(p.path("floors")), p.path("storeyMeters").asDouble(), ints(p.path("occupants")),
                        p.path("sleeping").asBoolean(false), p.path("gas").path("lpg").asDouble(),
                        p.path("gas").path("piped").asDouble(), p.path("underground").asDouble(),
                        p.path("dangerousGoods").asBoolean(false), List.copyOf(findings), strings(p.path("uses")),
                        strings(p.path("placeClasses"))));
            }
            JsonNode plan = root.path("plan");
            return new Data(List.of(strings(root.path("streets"))), parts,
                    LocalDate.parse(root.path("inspected").path("from").asText()),
                    LocalDate.parse(root.path("inspected").path("to").asText()), strings(plan.path("responsible")),
                    plan.path("measures").asText(), plan.path("contingency").asText(), List.copyOf(profiles));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String[] strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out.toArray(String[]::new);
    }

    private static int[] ints(JsonNode pair) {
        return new int[] {pair.get(0).asInt(), pair.get(1).asInt()};
    }

    private final Random random;
    private final Campaign campaign;
    private final Mode mode;
    private final List<Profile> mix;
    /** Inspections bunch up in the lead-up to and during each key period: these spans get a share of the dates. */
    private final List<LocalDate[]> busy;
    private final Set<String> skipped = new TreeSet<>();
    /** For each venue of the first round of the mix, how many more of its kind come after it in that round. */
    private final int[] laterOfItsKind;
    /** The templates of each kind of venue drawn so far in the first round. */
    private final Map<Profile, Set<Integer>> drawn = new IdentityHashMap<>();

    SampleGenerator(long seed, Campaign campaign) {
        this(seed, campaign, Mode.EVERY_CODE);
    }

    SampleGenerator(long seed, Campaign campaign, Mode mode) {
        this.random = new Random(seed);
        this.campaign = campaign;
        this.mode = mode;
        this.busy = campaign.calendar().keyPeriods().stream()
                .map(k -> new LocalDate[] {k.warningFrom(), k.raisedTo()}).toList();
        List<Profile> list = new ArrayList<>();
        for (Profile p : VENUES.profiles()) {
            if (!campaign.venueKinds().containsKey(p.kind())) {
                skipped.add("kind " + p.kind());
                continue;
            }
            for (int i = 0; i < p.per200(); i++) {
                list.add(p);
            }
        }
        Collections.shuffle(list, random);
        this.mix = list;
        this.laterOfItsKind = new int[list.size()];
        Map<Profile, Integer> seen = new IdentityHashMap<>();
        for (int i = list.size() - 1; i >= 0; i--) {
            laterOfItsKind[i] = seen.merge(list.get(i), 1, Integer::sum) - 1;
        }
    }

    /** Every hazard code some template can write. */
    static Set<String> templateCodes() {
        Set<String> codes = new TreeSet<>();
        VENUES.profiles().forEach(p -> p.findings().forEach(t -> codes.add(t.code())));
        return codes;
    }

    /** Hazard codes and venue kinds left out because the campaign does not define them. */
    Set<String> skipped() {
        return skipped;
    }

    /** Writes {@code count} venues, one JSON object per line. */
    void write(int count, Writer out) throws IOException {
        JsonFactory json = new JsonFactory();
        int width = Math.max(4, String.valueOf(count).length());
        for (int i = 1; i <= count; i++) {
            StringWriter line = new StringWriter(512);
            try (JsonGenerator g = json.createGenerator(line)) {
                venue(g, String.format("WZ-%0" + width + "d", i), mix.get((i - 1) % mix.size()),
                        i <= mix.size() ? laterOfItsKind[i - 1] : Integer.MAX_VALUE);
            }
            out.write(line.toString());
            out.write('\n');
        }
        out.flush();
    }

    /** How many of the last venues of a kind share the templates chance left out of the earlier ones. */
    private static final int CATCH_UP = 3;

    /**
     * Writes one venue. The last {@link #CATCH_UP} venues of its kind in the first round draw the
     * templates chance left out of that kind's earlier venues (where the venue allows them), a share
     * each and the rest at the very last, so that the first {@code mix.size()} venues show every finding
     * the templates know, whatever the chances.
     *
     * @param later how many more venues of this kind come after this one in the first round
     */
    private void venue(JsonGenerator g, String id, Profile p, int later) throws IOException {
        String street = pick(STREETS.toArray(String[]::new));
        int floors = size(p.floors()[0], p.floors()[1]);
        double height = Math.round(floors * p.storey() * 10) / 10.0;
        int occupants = roundTo(size(p.occupants()[0], p.occupants()[1]), 5);
        String gas = gas(p);
        boolean underground = random.nextDouble() < p.underground();
        LocalDate date = inspectionDate();
        double state = random.nextDouble();
        String status = state < 0.02 ? "SUSPENDED" : state < 0.03 ? "CLOSED" : "OPERATING";
        g.writeStartObject();
        g.writeStringField("id", id);
        String name = name(p);
        boolean own = name.startsWith("@");
        g.writeStringField("name", own ? name.substring(1) : name);
        g.writeStringField("kind", p.kind());
        g.writeStringField("street", street);
        g.writeNumberField("heightMeters", height);
        g.writeNumberField("floors", floors);
        if (underground) {
            g.writeBooleanField("underground", true);
        }
        g.writeNumberField("occupants", occupants);
        if (p.sleeping()) {
            g.writeBooleanField("sleeping", true);
        }
        g.writeStringField("gas", gas);
        if (p.dangerousGoods()) {
            g.writeBooleanField("dangerousGoods", true);
        }
        if (!status.equals("OPERATING")) {
            g.writeStringField("status", status);
        }
        g.writeStringField("date", date.toString());
        if (own) {
            g.writeBooleanField("ownedByAuthority", true);
        }
        if (p.uses().length > 0 && random.nextDouble() < 1 / 3.0) {
            writeCodes(g, "uses", p.uses());
        }
        if (p.classes().length > 0) {
            writeCodes(g, "placeClasses", p.classes());
        }
        boolean highRise = campaign.highRise().isHighRise(campaign.venueKinds().get(p.kind()).building(), height, floors);
        List<Template> found = new ArrayList<>();
        Set<Integer> drawnBefore = drawn.computeIfAbsent(p, k -> new HashSet<>());
        for (int k = 0; k < p.findings().size(); k++) {
            Template t = p.findings().get(k);
            if (!campaign.hazards().containsKey(t.code())) {
                skipped.add("hazard " + t.code());
                continue;
            }
            if (t.need().met(gas, highRise)
                    && (random.nextDouble() < mode.chance(t, campaign.hazards().get(t.code()), campaign)
                            || (mode == Mode.EVERY_CODE && later < CATCH_UP && !drawnBefore.contains(k)
                                    && (later == 0 || k % CATCH_UP == later)))) {
                found.add(t);
                drawnBefore.add(k);
            }
        }
        if (!found.isEmpty() && random.nextDouble() < 0.01) {
            g.writeBooleanField("judgedNotMajor", true);
        }
        g.writeArrayFieldStart("findings");
        int n = 0;
        for (Template t : found) {
            finding(g, "F" + (++n), t, date, p.kind().equals("RESIDENTIAL"));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void finding(JsonGenerator g, String id, Template t, LocalDate date, boolean homes) throws IOException {
        HazardType type = campaign.hazards().get(t.code());
        LocalDate foundOn = date.minusDays(random.nextDouble() < 0.5 ? 0 : between(1, 75));
        double s = random.nextDouble();
        String status = s < 0.5 ? "OPEN" : s < 0.65 ? "IN_PROGRESS" : s < 0.8 ? "RECTIFIED" : s < 0.9 ? "VERIFIED"
                : type.correctableOnSpot() ? "CORRECTED_ON_SPOT" : "OPEN";
        if (foundOn.equals(date) && (status.equals("RECTIFIED") || status.equals("VERIFIED"))) {
            status = "OPEN";
        }
        int times = random.nextDouble() < (t.recurs() ? 0.5 : 0.8) ? 1 : random.nextDouble() < (t.recurs() ? 0.5 : 0.75) ? 2 : 3;
        // Who is responsible, for 消防法 第六十条: in homes often a resident, elsewhere the unit; sometimes not yet known.
        double who = random.nextDouble();
        String party = homes ? (who < 0.45 ? "INDIVIDUAL" : who < 0.7 ? "UNIT" : "UNKNOWN")
                : (who < 0.7 ? "UNIT" : who < 0.75 ? "INDIVIDUAL" : "UNKNOWN");
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("code", t.code());
        g.writeStringField("location", pick(t.locations()));
        if (t.area() != null) {
            g.writeStringField("area", t.area());
        }
        if (t.ratio() != null) {
            g.writeNumberField("ratio", Math.round((t.ratio()[0] + random.nextDouble() * (t.ratio()[1] - t.ratio()[0])) * 100) / 100.0);
        }
        if (!status.equals("OPEN")) {
            g.writeStringField("status", status);
        }
        if (!foundOn.equals(date)) {
            g.writeStringField("foundOn", foundOn.toString());
        }
        if (!party.equals("UNKNOWN")) {
            g.writeStringField("party", party);
        }
        if (times > 1) {
            g.writeNumberField("timesFound", times);
            g.writeStringField("enforcement", times == 2 ? "ORDERED_TO_CORRECT" : "REFUSED_TO_CORRECT");
        }
        if (!type.elements().isEmpty() && random.nextDouble() < 0.03) {
            g.writeBooleanField("expertReviewed", true);
        }
        // A plan: always once rectification has started; for open findings, often, and then the
        // deadline may have passed (an overdue rectification, which the inspection plan weighs).
        boolean started = !status.equals("OPEN") && !status.equals("CORRECTED_ON_SPOT");
        if (started || (status.equals("OPEN") && !foundOn.equals(date) && random.nextDouble() < 0.6)) {
            LocalDate deadline = foundOn.plusDays(Math.max(1, type.rectifyDays() / (started ? 1 : 3)));
            g.writeObjectFieldStart("plan");
            g.writeStringField("responsible", pick(VENUES.responsible()));
            g.writeStringField("measures", VENUES.measures() + type.label().zh());
            g.writeStringField("deadline", deadline.toString());
            if (random.nextDouble() < 0.7) {
                g.writeStringField("funds", "自筹" + between(1, 50) * 1000 + "元");
            }
            if (random.nextDouble() < 0.6) {
                g.writeStringField("contingencyPlan", VENUES.contingency());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeCodes(JsonGenerator g, String field, String[] codes) throws IOException {
        g.writeArrayFieldStart(field);
        for (String code : codes) {
            g.writeString(code);
        }
        g.writeEndArray();
    }

    private String name(Profile p) {
        Map<String, String[]> parts = VENUES.nameParts();
        return pick(p.names()).replace("{place}", pick(parts.get("place"))).replace("{sur}", pick(parts.get("sur")))
                .replace("{dish}", pick(parts.get("dish"))).replace("{biz}", pick(parts.get("biz")))
                .replace("{n}", String.valueOf(between(1, 28)));
    }

    private String gas(Profile p) {
        double r = random.nextDouble();
        return r < p.lpg() ? "LPG_CYLINDER" : r < p.lpg() + p.pipedGas() ? "PIPED_NATURAL_GAS" : "NONE";
    }

    private LocalDate inspectionDate() {
        if (random.nextDouble() < 0.3) {
            LocalDate[] span = busy.get(random.nextInt(busy.size()));
            return span[0].plusDays(random.nextInt((int) (span[1].toEpochDay() - span[0].toEpochDay()) + 1));
        }
        return VENUES.first().plusDays(random.nextInt((int) (VENUES.last().toEpochDay() - VENUES.first().toEpochDay()) + 1));
    }

    /**
     * A size between the bounds: uniform in the every-code sample; in the realistic one log-uniform, so
     * that small places are the many and big ones the few (the median is the bounds' geometric mean).
     */
    private int size(int low, int high) {
        if (mode == Mode.EVERY_CODE) {
            return between(low, high);
        }
        return (int) Math.round(Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low))));
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    private static int roundTo(int value, int step) {
        return Math.max(step, Math.round(value / (float) step) * step);
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    public static void main(String[] args) throws IOException {
        int count = SAMPLE_COUNT;
        long seed = SAMPLE_SEED;
        Path out = null;
        String campaignId = EngineOptions.DEFAULT_CAMPAIGN;
        Mode mode = Mode.EVERY_CODE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--realistic" -> mode = Mode.REALISTIC;
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--campaign" -> campaignId = args[++i];
                default -> {
                    System.err.println("usage: SampleGenerator [--realistic] [--count N] [--seed S] [--campaign ID] [--out FILE]");
                    System.exit(2);
                }
            }
        }
        try (RiskEngine engine = RiskEngine.builder().campaign(campaignId).build()) {
            SampleGenerator generator = new SampleGenerator(seed, engine.campaign(), mode);
            if (out == null) {
                Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                generator.write(count, w);
            } else {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8),
                        1 << 16)) {
                    generator.write(count, w);
                }
            }
            if (!generator.skipped().isEmpty()) {
                PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
                err.println("left out (not in campaign " + campaignId + "): " + String.join(", ", generator.skipped()));
            }
        }
    }
}
