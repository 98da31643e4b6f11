package io.firerisk;

import io.firerisk.testing.CampaignFixture;
import io.firerisk.testing.WhileServing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Reloading a campaign folder while four threads assess without pause, alternating between two
 * versions that differ in grade, deadlines and explanations, with a reload that fails in between:
 * no assessment fails, and every assessment is exactly what an engine holding only the version it
 * names gives for the same venue (compared whole: grade, determination, actions, reasons).
 */
class ReloadUnderLoadTest {

    static final LocalDate DAY = LocalDate.of(2024, 1, 15);
    static final String V1 = "0.1.0";
    static final String V2 = "0.2.0";
    static final int THREADS = 4;

    @TempDir
    Path temp;

    /** The tiny campaign turned into version 0.2.0: the red band from 10 (a major hazard in a hall is ORANGE), a RED deadline of 5 days, clutter cleared in 2 days, reworded. */
    static void makeVersionTwo(CampaignFixture c) {
        c.replace("campaign.yaml", "version: 0.1.0", "version: " + V2)
                .replace("campaign.yaml", "RED: 9,", "RED: 10,")
                .replace("campaign.yaml", "RED: 7,", "RED: 5,")
                .replace("rules/core/tiny.drl", "withinDays(0)", "withinDays(2)")
                .replace("rules/core/tiny.drl", "@zh(\"{$f.label}须当场清理\")", "@zh(\"{$f.label}须两日内清理\")");
    }

    static List<VenueFacts> inputs() {
        List<VenueFacts> list = new ArrayList<>();
        String[][] findings = {{"EXITS_TOO_FEW"}, {"CLUTTER"}, {"SIGNS_DAMAGED", "LIGHTS_DAMAGED"}, {"OLD_WIRING", "CLUTTER"},
                {}, {"EXITS_TOO_FEW", "CLUTTER", "SIGNS_DAMAGED"}};
        LocalDate[] dates = {DAY, LocalDate.of(2024, 2, 11), LocalDate.of(2024, 2, 8), LocalDate.of(2023, 12, 1)};
        int n = 0;
        for (String kind : List.of("HALL", "SHED")) {
            for (String[] codes : findings) {
                for (LocalDate date : dates) {
                    Venue v = Venue.builder("V-" + n++, kind).occupantCapacity(kind.equals("HALL") ? 300 : 5).build();
                    List<Finding> fs = new ArrayList<>();
                    for (int i = 0; i < codes.length; i++) {
                        fs.add(Finding.of("F" + i, codes[i]));
                    }
                    list.add(VenueFacts.of(v, fs, date));
                }
            }
        }
        return list;
    }

    @Test
    void reloadsAlternatingTwoVersionsUnderFourThreadsNeverFailAnAssessmentNorMixTheVersions() throws Exception {
        // Given what each version alone says about each venue
        List<VenueFacts> inputs = inputs();
        CampaignFixture one = CampaignFixture.copyOf("tiny", temp.resolve("one"));
        CampaignFixture two = CampaignFixture.copyOf("tiny", temp.resolve("two"));
        makeVersionTwo(two);
        Map<String, List<Assessment>> expected = Map.of(V1, assessAll(one.folder(), inputs), V2, assessAll(two.folder(), inputs));
        assertThat(expected.get(V1).get(0).grade()).isEqualTo(RiskGrade.RED);
        assertThat(expected.get(V2).get(0).grade()).isEqualTo(RiskGrade.ORANGE);
        long differing = 0;
        for (int i = 0; i < inputs.size(); i++) {
            differing += expected.get(V1).get(i).equals(expected.get(V2).get(i)) ? 0 : 1;
        }
        assertThat(differing).as("venues whose assessment differs between the versions").isGreaterThan(inputs.size() / 2);

        // and an engine serving a folder that starts at version one
        CampaignFixture served = CampaignFixture.copyOf("tiny", temp.resolve("served"));
        try (RiskEngine engine = RiskEngine.builder().campaignDirectory(served.folder()).build()) {
            Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            List<String> versions = new ArrayList<>();

            // When four threads assess without pause while the folder alternates between the versions and is reloaded,
            // a broken rule file making one reload fail half way
            serveWhile(engine, inputs, expected, seen, wrong, () -> {
                for (int round = 0; round < 6; round++) {
                    CampaignFixture fresh = CampaignFixture.copyOf("tiny", temp.resolve("round-" + round));
                    if (round % 2 == 0) {
                        makeVersionTwo(fresh);
                    }
                    replaceFolder(served, fresh);
                    if (round == 3) {
                        served.write("rules/core/broken.drl", "package rules.core;\nrule \"half written\" when\n  $f : HazardFinding(\nthen end\n");
                        CampaignException failed = catchThrowableOfType(CampaignException.class, engine::reload);
                        assertThat(failed).as("the reload of a broken folder fails").isNotNull();
                        assertThat(engine.campaign().version()).as("the last good version still serves").isEqualTo(V2);
                        waitForAssessments(seen, 200);
                        served.delete("rules/core/broken.drl");
                    }
                    versions.add(engine.reload().version());
                    waitForAssessments(seen, 200);
                }
            });

            // Then no assessment failed or mixed the versions, both versions served, and the last reload stands
            assertThat(wrong).as("assessments that failed or were not wholly the version they name").isEmpty();
            assertThat(versions).containsExactly(V2, V1, V2, V1, V2, V1);
            assertThat(seen.keySet()).containsExactlyInAnyOrder(V1, V2);
            assertThat(engine.campaign().version()).isEqualTo(V1);
        }
    }

    private static List<Assessment> assessAll(Path folder, List<VenueFacts> inputs) {
        try (RiskEngine engine = RiskEngine.builder().campaignDirectory(folder).build()) {
            return inputs.stream().map(engine::assess).toList();
        }
    }

    /** Makes {@code target}'s campaign files those of {@code source}: the whole folder changes, as an analyst's save does. */
    private static void replaceFolder(CampaignFixture target, CampaignFixture source) {
        for (String file : List.of("campaign.yaml", "rules/core/tiny.drl")) {
            target.write(file, source.read(file));
        }
    }

    /** Lets the workers make at least {@code n} more assessments, so each version is really served under load. */
    private static void waitForAssessments(Map<String, AtomicLong> seen, long n) throws InterruptedException {
        long start = total(seen);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (total(seen) < start + n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static long total(Map<String, AtomicLong> seen) {
        return seen.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private static void serveWhile(RiskEngine engine, List<VenueFacts> inputs, Map<String, List<Assessment>> expected,
            Map<String, AtomicLong> seen, ConcurrentLinkedQueue<String> wrong, WhileServing.Action reloads) throws Exception {
        WhileServing.run(THREADS, (thread, stop) -> {
            for (long n = thread * 7L; !stop.getAsBoolean(); n++) {
                int i = (int) (n % inputs.size());
                try {
                    Assessment a = engine.assess(inputs.get(i));
                    List<Assessment> ofVersion = expected.get(a.campaignVersion());
                    if (ofVersion == null || !ofVersion.get(i).equals(a)) {
                        wrong.add(inputs.get(i).venue().id() + " under " + a.campaignVersion() + ": " + a);
                    }
                    seen.computeIfAbsent(a.campaignVersion(), k -> new AtomicLong()).incrementAndGet();
                } catch (RuntimeException e) {
                    wrong.add(inputs.get(i).venue().id() + " failed: " + e);
                }
                if (wrong.size() > 10) {
                    return;
                }
            }
        }, reloads);
    }
}
