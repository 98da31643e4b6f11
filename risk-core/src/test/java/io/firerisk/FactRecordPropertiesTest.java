package io.firerisk;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Any input to a fact record's constructor either builds a record within the documented limits, or
 * is refused with an {@link InvalidFactException} naming a field whose value breaks a limit (in
 * its message and in {@link InvalidFactException#field()}). Never another exception, never a record
 * holding a value the javadoc rules out. The limits are restated here from the javadoc, as the
 * oracle: a value breaking none of them must build.
 */
class FactRecordPropertiesTest {

    @Property(tries = 400)
    void aVenueBuildsExactlyWhenEveryFieldIsWithinItsLimits(@ForAll("ids") String id, @ForAll("ids") String kind,
            @ForAll("texts") String name, @ForAll("texts") String street, @ForAll("texts") String address,
            @ForAll("heights") Double height, @ForAll("counts") int floors, @ForAll("counts") int occupants,
            @ForAll("gas") GasSupply gas, @ForAll("operating") OperatingStatus status) {
        Set<String> wrong = new LinkedHashSet<>();
        check(wrong, "id", badId(id));
        check(wrong, "kind", badId(kind));
        check(wrong, "name", badText(name));
        check(wrong, "street", badText(street));
        check(wrong, "address", badText(address));
        check(wrong, "heightMeters", height != null && !(height >= 0 && height <= Venue.MAX_HEIGHT_METERS));
        check(wrong, "floors", floors < 1 || floors > Venue.MAX_FLOORS);
        check(wrong, "occupantCapacity", occupants < 0 || occupants > Venue.MAX_OCCUPANTS);

        Throwable thrown = catchThrowable(() -> {
            Venue v = new Venue(id, name, kind, street, address, height, floors, false, occupants, true, gas, false, status,
                    List.of(), List.of(), false);
            assertThat(v.id()).isEqualTo(id.strip());
            assertThat(v.name()).isEqualTo(name == null ? "" : name.strip());
            assertThat(v.gasSupply()).isNotNull();
            assertThat(v.operatingStatus()).isNotNull();
        });

        assertRefusedExactlyWhenWrong(thrown, "Venue", wrong);
    }

    @Property(tries = 400)
    void aFindingBuildsExactlyWhenEveryFieldIsWithinItsLimits(@ForAll("ids") String id, @ForAll("ids") String code,
            @ForAll("texts") String location, @ForAll("dates") LocalDate foundOn, @ForAll("ratios") Double ratio,
            @ForAll("quantities") Integer quantity, @ForAll("counts") int timesFound,
            @ForAll("texts") String responsible, @ForAll("dates") LocalDate deadline) {
        Set<String> wrong = new LinkedHashSet<>();
        check(wrong, "id", badId(id));
        check(wrong, "hazardCode", badId(code));
        check(wrong, "location", badText(location));
        check(wrong, "foundOn", badDate(foundOn));
        check(wrong, "ratio", ratio != null && !(ratio >= 0 && ratio <= 1));
        check(wrong, "quantity", quantity != null && (quantity < 0 || quantity > Finding.MAX_QUANTITY));
        check(wrong, "timesFound", timesFound < 1 || timesFound > Finding.MAX_TIMES_FOUND);
        Set<String> planWrong = new LinkedHashSet<>();
        check(planWrong, "responsiblePerson", badText(responsible));
        check(planWrong, "deadline", badDate(deadline));

        Throwable planThrown = catchThrowable(() -> new RectificationPlan(responsible, "措施", deadline, null, ""));
        assertRefusedExactlyWhenWrong(planThrown, "RectificationPlan", planWrong);
        RectificationPlan plan = planThrown == null ? new RectificationPlan(responsible, "措施", deadline, null, "")
                : RectificationPlan.NONE;

        Throwable thrown = catchThrowable(() -> {
            Finding f = new Finding(id, code, location, "", foundOn, null, ratio, quantity, null, plan, false, timesFound,
                    null, null, null);
            assertThat(f.hazardCode()).isEqualTo(code.strip());
            assertThat(f.status()).isEqualTo(RectificationStatus.OPEN);
            assertThat(f.plan()).isEqualTo(plan);
        });
        assertRefusedExactlyWhenWrong(thrown, "Finding", wrong);
    }

    @Property(tries = 200)
    void venueFactsBuildExactlyWhenTheFindingsAndDateAreWithinTheirLimits(@ForAll("findingLists") List<Finding> findings,
            @ForAll("dates") LocalDate date, @ForAll boolean withNull) {
        List<Finding> given = new ArrayList<>(findings);
        if (withNull) {
            given.add(given.size() / 2, null);
        }
        Set<String> wrong = new LinkedHashSet<>();
        check(wrong, "findings", given.size() > VenueFacts.MAX_FINDINGS || withNull || !distinctIds(findings));
        check(wrong, "assessmentDate", badDate(date));

        Throwable thrown = catchThrowable(() -> {
            VenueFacts facts = new VenueFacts(Venue.builder("V-1", "HALL").build(), given, date, false);
            assertThat(facts.findings()).hasSize(given.size());
        });

        if (thrown instanceof InvalidFactException e && e.field().startsWith("findings")) {
            // the field names the entry at fault: findings (too many), findings[i] (null), findings[i].id (twice)
            assertThat(e.field()).matches("findings(\\[\\d+\\](\\.id)?)?");
            if (e.field().matches("findings\\[\\d+\\]")) {
                int i = Integer.parseInt(e.field().replaceAll("\\D", ""));
                assertThat(given.get(i)).isNull();
            }
            thrown = new InvalidFactException(e.record(), "findings", e.getMessage());
        }
        assertRefusedExactlyWhenWrong(thrown, "VenueFacts", wrong);
    }

    private static void assertRefusedExactlyWhenWrong(Throwable thrown, String record, Set<String> wrong) {
        if (wrong.isEmpty()) {
            assertThat(thrown).as("every field within its limits: the record builds").isNull();
            return;
        }
        assertThat(thrown).as("%s is outside its limits", wrong).isInstanceOf(InvalidFactException.class);
        InvalidFactException e = (InvalidFactException) thrown;
        assertThat(e.record()).isEqualTo(record);
        assertThat(wrong).as("the field named by: %s", e.getMessage()).contains(e.field());
        assertThat(e.getMessage()).contains(e.field());
        assertThat(e.getMessage().length()).as("the message quotes a long value only in part").isLessThan(600);
    }

    private static void check(Set<String> wrong, String field, boolean bad) {
        if (bad) {
            wrong.add(field);
        }
    }

    static boolean badId(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        String s = value.strip();
        return s.length() > Venue.MAX_ID_LENGTH || s.chars().anyMatch(c -> Character.isISOControl(c)
                || c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
    }

    static boolean badText(String value) {
        return value != null && value.strip().length() > Venue.MAX_TEXT_LENGTH;
    }

    static boolean badDate(LocalDate d) {
        return d != null && (d.isBefore(VenueFacts.EARLIEST_DATE) || d.isAfter(VenueFacts.LATEST_DATE));
    }

    private static boolean distinctIds(List<Finding> findings) {
        Set<String> ids = new HashSet<>();
        return findings.stream().allMatch(f -> ids.add(f.id()));
    }

    /** Plain ids, blanks, nulls, the nasty (controls, direction overrides, quotes, dots, " must "), and lengths around the limit. */
    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "\t", "\u3000")),
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars("-_.").ofMinLength(1).ofMaxLength(12)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().ofMinLength(1).ofMaxLength(12)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("V.1 must be", "a'b\"c", "<script>", "=1+1", "场所.编号",
                        "WZ\u202E1", "WZ\u20661", "WZ\u200F", "\u0000", "x\u001b[31m", " padded ", "WZ-\uD83D\uDD25")),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange('a', 'z')
                        .ofMinLength(Venue.MAX_ID_LENGTH - 2).ofMaxLength(Venue.MAX_ID_LENGTH + 2)));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("星光歌舞娱乐城", "<script>alert(1)</script>", "a\nb\rc\u0007",
                        "\u202Egnp.exe", "=HYPERLINK(\"x\")", "  ", "")),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange('一', '龥')
                        .ofMinLength(Venue.MAX_TEXT_LENGTH - 2).ofMaxLength(Venue.MAX_TEXT_LENGTH + 2)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMinLength(Venue.MAX_TEXT_LENGTH + 1).ofMaxLength(20_000)));
    }

    @Provide
    Arbitrary<Double> heights() {
        return Arbitraries.oneOf(Arbitraries.just((Double) null),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, -1e-9, 1e300,
                        Double.MAX_VALUE, Double.MIN_VALUE, Venue.MAX_HEIGHT_METERS, Math.nextUp(Venue.MAX_HEIGHT_METERS)),
                Arbitraries.doubles().between(-10, 1_100));
    }

    @Provide
    Arbitrary<Double> ratios() {
        return Arbitraries.oneOf(Arbitraries.just((Double) null),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1.0, Math.nextUp(1.0), -Double.MIN_VALUE, 1e308),
                Arbitraries.doubles().between(-0.5, 1.5));
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.oneOf(Arbitraries.of(Integer.MIN_VALUE, -1, 0, 1, 200, 201, 1_000, 1_001, 1_000_000, 1_000_001,
                Integer.MAX_VALUE), Arbitraries.integers());
    }

    @Provide
    Arbitrary<Integer> quantities() {
        return Arbitraries.oneOf(Arbitraries.just((Integer) null), counts());
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.oneOf(Arbitraries.just((LocalDate) null),
                Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH, VenueFacts.EARLIEST_DATE,
                        VenueFacts.EARLIEST_DATE.minusDays(1), VenueFacts.LATEST_DATE, VenueFacts.LATEST_DATE.plusDays(1)),
                Arbitraries.longs().between(LocalDate.of(1800, 1, 1).toEpochDay(), LocalDate.of(3100, 1, 1).toEpochDay())
                        .map(LocalDate::ofEpochDay));
    }

    @Provide
    Arbitrary<GasSupply> gas() {
        return Arbitraries.of(GasSupply.class).injectNull(0.2);
    }

    @Provide
    Arbitrary<OperatingStatus> operating() {
        return Arbitraries.of(OperatingStatus.class).injectNull(0.2);
    }

    /** Finding lists: usually small with ids that may repeat, sometimes just under or over the limit. */
    @Provide
    Arbitrary<List<Finding>> findingLists() {
        Arbitrary<Finding> small = Arbitraries.integers().between(1, 8).map(i -> Finding.of("F" + i, "CLUTTER"));
        Arbitrary<Integer> sizes = Arbitraries.of(VenueFacts.MAX_FINDINGS - 1, VenueFacts.MAX_FINDINGS,
                VenueFacts.MAX_FINDINGS + 1, VenueFacts.MAX_FINDINGS * 3);
        return Arbitraries.oneOf(small.list().ofMaxSize(6),
                Combinators.combine(sizes, Arbitraries.of(true, false)).as((n, repeat) -> {
                    List<Finding> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(Finding.of("F" + (repeat && i == n - 1 ? 0 : i), "CLUTTER"));
                    }
                    return list;
                }));
    }
}
