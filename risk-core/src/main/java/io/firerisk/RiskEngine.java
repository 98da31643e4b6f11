package io.firerisk;

import io.firerisk.campaign.Campaign;
import io.firerisk.internal.Assessor;
import io.firerisk.internal.CampaignFiles;
import io.firerisk.internal.CompiledCampaign;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Assesses venues against one fire-prevention campaign.
 *
 * <pre>{@code
 * RiskEngine engine = RiskEngine.builder().campaign("wanzhou-2023-winter").build();
 * Assessment a = engine.assess(VenueFacts.of(venue, findings, LocalDate.of(2024, 2, 9)));
 * a.grade();          // RED
 * a.verdict();        // SUSPECTED_MAJOR
 * a.actions();        // dated, with clauses
 * }</pre>
 *
 * <p>The campaign is compiled once, in {@link Builder#build()}. An engine is immutable apart from
 * {@link #reload()}, and safe to share between threads: each assessment uses its own rule session
 * and sees one campaign version from start to end.
 */
public final class RiskEngine implements AutoCloseable {

    /** Default limit on rule firings per assessment; a campaign that needs more is looping. */
    public static final int DEFAULT_MAX_RULE_FIRINGS = 10_000;

    private final Builder settings;
    private final AtomicReference<Assessor> current;

    private RiskEngine(Builder settings, Assessor assessor) {
        this.settings = settings;
        this.current = new AtomicReference<>(assessor);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The campaign this engine assesses against, with its rules. Its calendar answers date
     * questions without assessing anything:
     * <pre>{@code
     * CampaignCalendar calendar = engine.campaign().calendar();
     * calendar.position(date);          // phase, key period, early warning and alert level on a date
     * calendar.between(from, to);       // the campaign summary: phases, key periods and lead-ups to draw
     * }</pre>
     */
    public Campaign campaign() {
        return current.get().compiled().campaign();
    }

    /**
     * Assesses one venue, as of its {@link VenueFacts#assessmentDate()} or, when that is absent,
     * today by the engine's clock in the campaign's time zone.
     *
     * @throws AssessmentException when the facts do not fit the campaign (an unknown hazard code,
     *                             a missing measurement), or the rules fail or loop; never any other
     *                             exception for facts the records accepted
     */
    public Assessment assess(VenueFacts facts) {
        Objects.requireNonNull(facts, "facts");
        Assessor assessor = current.get();
        try {
            return assessor.assess(facts, today(assessor));
        } catch (AssessmentException e) {
            throw e;
        } catch (RuntimeException e) {
            // A caller serving many venues must be able to reject this one and go on: keep the promise above.
            String campaignId = assessor.compiled().campaign().id();
            throw new AssessmentException(AssessmentException.Kind.RULE_ERROR, campaignId, facts.venue().id(), "",
                    "unexpected failure: " + e, e);
        }
    }

    /**
     * Assesses every record, in order, in the calling thread. A record that cannot be assessed
     * becomes an {@link Outcome.Rejected} with the reason; the batch goes on.
     */
    public List<Outcome> assessAll(Iterable<VenueFacts> batch) {
        Objects.requireNonNull(batch, "batch");
        List<Outcome> outcomes = new ArrayList<>();
        long index = 0;
        for (VenueFacts facts : batch) {
            outcomes.add(outcome(index++, facts));
        }
        return outcomes;
    }

    /**
     * Assesses a stream lazily, one outcome per record in encounter order; suitable for inputs
     * larger than memory. A parallel input stream is assessed in parallel.
     */
    public Stream<Outcome> assessAll(Stream<VenueFacts> batch) {
        Objects.requireNonNull(batch, "batch");
        AtomicLong counter = new AtomicLong();
        if (batch.isParallel()) {
            List<VenueFacts> indexed = batch.toList();
            return java.util.stream.IntStream.range(0, indexed.size()).parallel()
                    .mapToObj(i -> outcome(i, indexed.get(i)));
        }
        return batch.map(facts -> outcome(counter.getAndIncrement(), facts));
    }

    private Outcome outcome(long index, VenueFacts facts) {
        if (facts == null) {
            return new Outcome.Rejected(index, "", new AssessmentException(AssessmentException.Kind.INVALID_FACTS,
                    campaign().id(), "", "", "record " + index + " is null", null));
        }
        try {
            return new Outcome.Assessed(index, assess(facts));
        } catch (AssessmentException e) {
            // assess throws nothing else for facts the records accepted
            return new Outcome.Rejected(index, facts.venue().id(), e);
        }
    }

    /**
     * Reads and compiles the campaign again from where it was loaded (a changed folder, typically)
     * and switches to it. Assessments already running finish on the version they started with.
     *
     * @return the newly loaded campaign
     * @throws CampaignException when the changed campaign has errors; the engine keeps serving the
     *                           last good version
     */
    public Campaign reload() {
        Assessor fresh = settings.newAssessor();
        // The old version's idle sessions are released now; the ones in use are released as their
        // assessments, which finish on the old version, give them back.
        current.getAndSet(fresh).shutdown();
        return fresh.compiled().campaign();
    }

    /** Releases the engine's rule sessions. */
    @Override
    public void close() {
        current.get().shutdown();
    }

    private LocalDate today(Assessor assessor) {
        Clock clock = settings.clock != null ? settings.clock
                : Clock.system(assessor.compiled().campaign().timeZone());
        return LocalDate.now(clock);
    }

    /**
     * Configures a {@link RiskEngine}. Choose the campaign by bundled id or by folder; everything
     * else has a default.
     */
    public static final class Builder {
        private String campaignId;
        private Path campaignDirectory;
        private Clock clock;
        private boolean explanations = true;
        private int maxRuleFirings = DEFAULT_MAX_RULE_FIRINGS;
        private int sessionPoolSize = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        private ClassLoader classLoader = RiskEngine.class.getClassLoader();
        private String onlyStandard;

        private Builder() {}

        /** A campaign bundled on the classpath under {@code campaigns/<id>/}, such as {@code wanzhou-2023-winter}. */
        public Builder campaign(String id) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("campaign id must not be blank");
            }
            this.campaignId = id.strip();
            return this;
        }

        /** A campaign folder on disk. */
        public Builder campaignDirectory(Path directory) {
            this.campaignDirectory = Objects.requireNonNull(directory, "campaignDirectory");
            return this;
        }

        /** The clock that says what "today" is for facts without an assessment date. Default: the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Whether assessments carry their reasons (default true). Off saves time in bulk scoring. */
        public Builder explanations(boolean on) {
            this.explanations = on;
            return this;
        }

        /** The most rule firings one assessment may take before it is failed as a loop (default 10,000). */
        public Builder maxRuleFirings(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("maxRuleFirings must be >= 1 (was " + limit + ")");
            }
            this.maxRuleFirings = limit;
            return this;
        }

        /** How many rule sessions to keep ready for reuse (default twice the processors). */
        public Builder sessionPoolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("sessionPoolSize must be >= 1 (was " + size + ")");
            }
            this.sessionPoolSize = size;
            return this;
        }

        /**
         * Applies this one edition of a standard on every date, instead of the edition in force on each
         * date: to see the same venues under two editions ({@code firerisk diff --standard}). The campaign
         * must name its standards ({@code standards:}); the edition need not be one of them.
         */
        public Builder onlyStandard(String standardId) {
            if (standardId == null || standardId.isBlank()) {
                throw new IllegalArgumentException("standard id must not be blank");
            }
            this.onlyStandard = standardId.strip();
            return this;
        }

        /** The class loader bundled campaigns are looked up in (default: firerisk's own). */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "classLoader");
            return this;
        }

        /**
         * Loads and compiles the campaign.
         *
         * @throws IllegalStateException when no campaign, or two, were chosen
         * @throws CampaignException     listing every problem in the campaign's files
         */
        public RiskEngine build() {
            checkOneCampaign();
            Builder frozen = copy();
            return new RiskEngine(frozen, frozen.newAssessor());
        }

        /**
         * The {@link Campaign#digest()} the engine {@link #build()} would give now, from the chosen campaign's
         * files and the standards it mounts, read but not compiled (milliseconds, where compiling takes
         * seconds): to tell whether an engine already built holds the same content, as Spark's executors do.
         *
         * @throws IllegalStateException when no campaign, or two, were chosen
         * @throws CampaignException     when the campaign's files cannot be read
         */
        public String campaignDigest() {
            checkOneCampaign();
            return files().digest();
        }

        private void checkOneCampaign() {
            if (campaignId == null && campaignDirectory == null) {
                throw new IllegalStateException("no campaign chosen: call campaign(id) for a bundled campaign or "
                        + "campaignDirectory(path) for a folder");
            }
            if (campaignId != null && campaignDirectory != null) {
                throw new IllegalStateException("two campaigns chosen (campaign \"" + campaignId
                        + "\" and campaignDirectory " + campaignDirectory + "): an engine assesses against one");
            }
        }

        private CampaignFiles files() {
            CampaignFiles files = campaignDirectory != null
                    ? CampaignFiles.fromFolder(campaignDirectory)
                    : CampaignFiles.fromClasspath(campaignId, classLoader);
            return onlyStandard != null ? files.applyingOnly(onlyStandard, classLoader) : files;
        }

        private Assessor newAssessor() {
            return new Assessor(CompiledCampaign.load(files()), explanations, maxRuleFirings, sessionPoolSize);
        }

        private Builder copy() {
            Builder b = new Builder();
            b.campaignId = campaignId;
            b.campaignDirectory = campaignDirectory;
            b.clock = clock;
            b.explanations = explanations;
            b.maxRuleFirings = maxRuleFirings;
            b.sessionPoolSize = sessionPoolSize;
            b.classLoader = classLoader;
            b.onlyStandard = onlyStandard;
            return b;
        }
    }
}
