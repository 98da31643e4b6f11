package io.firerisk.server.dashboard;

import io.firerisk.RiskGrade;
import io.firerisk.Text;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.CampaignCalendar;
import io.firerisk.ledger.Count;
import io.firerisk.ledger.Dimension;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.WeekCounts;
import io.firerisk.server.security.Viewer;
import io.firerisk.server.DeskProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/** Builds the {@link Dashboard} from the ledger: one count over every dimension (the on-time rate too), the trend. */
@Service
public class DashboardService {

    /** States of a hazard not yet closed: what "open" counts. */
    public static final Set<HazardState> OPEN = EnumSet.of(HazardState.OPEN, HazardState.RECTIFYING,
            HazardState.REOPENED, HazardState.AWAITING_VERIFICATION, HazardState.VERIFIED);
    /** States of a hazard done with: closed (销号) or corrected on the spot. */
    public static final Set<HazardState> CLOSED = EnumSet.of(HazardState.CLOSED, HazardState.CORRECTED_ON_SPOT);
    /** Every state that counts: all but cancelled (recorded by mistake). */
    public static final Set<HazardState> COUNTED = EnumSet.complementOf(EnumSet.of(HazardState.CANCELLED));
    /** The grade bucket of a venue not assessed. */
    public static final String NO_GRADE = "NONE";

    private static final Dimension[] DIMS = {Dimension.STREET, Dimension.UNIT, Dimension.STATE, Dimension.GRADE,
            Dimension.CATEGORY, Dimension.OVERDUE, Dimension.CLOSED_BY_DEADLINE};

    private static final Logger LOG = LoggerFactory.getLogger(DashboardService.class);

    private final Ledger ledger;
    private final MessageSource messages;
    private final Clock clock;
    /** How old a dashboard of today may be when shown ({@code firerisk.desk.dashboard.max-staleness}); 0: never. */
    private final Duration maxStaleness;
    /** Builds dashboards of today in the background, one at a time (a count over the whole ledger each). */
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dashboard-refresh");
        t.setDaemon(true);
        return t;
    });

    @Autowired
    DashboardService(Ledger ledger, MessageSource messages, Clock clock, DeskProperties properties) {
        this(ledger, messages, clock, properties.dashboard().maxStaleness());
    }

    DashboardService(Ledger ledger, MessageSource messages, Clock clock, Duration maxStaleness) {
        this.ledger = ledger;
        this.messages = messages;
        this.clock = clock;
        this.maxStaleness = maxStaleness;
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    /** Dashboards kept: a few dates × scopes × languages, each under the ledger's version for its date. */
    private static final int KEPT = 64;

    private record Key(LocalDate asOf, HazardQuery scope, String language, long version) {
        boolean sameView(Key other) {
            return asOf.equals(other.asOf) && scope.equals(other.scope) && language.equals(other.language);
        }

        List<Object> view() {
            return List.of(asOf, scope, language);
        }
    }

    /** A dashboard built and the instant its build began (its figures are of that instant or a little later). */
    private record Built(Dashboard dashboard, Instant at) {}

    private final Map<Key, CompletableFuture<Dashboard>> kept = new ConcurrentHashMap<>();
    /** The build under way for each view (date, scope, language), whatever its version. */
    private final Map<List<Object>, CompletableFuture<Dashboard>> building = new ConcurrentHashMap<>();
    /** The last dashboard built for each view, whatever its version: what a desk showing today may show a while. */
    private final Map<List<Object>, Built> latest = new ConcurrentHashMap<>();

    /**
     * The dashboard as of a date for what the viewer may see, in their language. Built once per version of
     * the ledger as of that date ({@link Ledger#version}): recording something that happened later (today,
     * on a page about a past day) keeps it; recording something that happened by then builds it afresh at
     * the next request. People asking at once for the same one share one build.
     *
     * <p>Today's version moves with every recording (about twice a second on a district's desk), and each build
     * counts every hazard: so a dashboard of today younger than {@code maxStaleness} is shown although later
     * recordings exist (its page says when it was counted), and once it is half that old one build of the
     * next starts in the background. A past date's version moves only when something dated by then is recorded:
     * it is always built afresh, as is today's once the last one is older than the bound.
     */
    public Dashboard dashboard(LocalDate asOf, Viewer viewer, Locale locale) {
        Key key = new Key(asOf, viewer.scope(HazardQuery.builder()).build(), locale.toLanguageTag(),
                ledger.version(asOf));
        CompletableFuture<Dashboard> exact = kept.get(key);
        if (!maxStaleness.isZero() && (exact == null || !exact.isDone()) && asOf.equals(ledger.today())) {
            Built last = latest.get(key.view());
            if (last != null) {
                Duration age = Duration.between(last.at(), clock.instant());
                if (age.compareTo(maxStaleness) < 0) {
                    if (age.compareTo(maxStaleness.dividedBy(2)) >= 0) {
                        refreshInBackground(key, viewer, locale);
                    }
                    return last.dashboard();
                }
            }
        }
        CompletableFuture<Dashboard> mine = new CompletableFuture<>();
        CompletableFuture<Dashboard> existing = kept.putIfAbsent(key, mine);
        if (existing == null) {
            // One build at a time per view: on a desk showing today the version moves with every recording, and
            // a build for each would pile up counts over the whole ledger. A request arriving while one runs gets
            // that build (begun before it arrived, so at most one build's time behind); the next builds afresh.
            CompletableFuture<Dashboard> running = building.putIfAbsent(key.view(), mine);
            if (running != null && running != mine) {
                kept.remove(key, mine);
                existing = running;
            }
        }
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return buildInto(key, mine, viewer, locale);
    }

    /** Starts a build of the key's view unless one is under way or done: at most one per view, one at a time. */
    private void refreshInBackground(Key key, Viewer viewer, Locale locale) {
        CompletableFuture<Dashboard> mine = new CompletableFuture<>();
        if (building.putIfAbsent(key.view(), mine) != null) {
            return;
        }
        if (kept.putIfAbsent(key, mine) != null) {
            building.remove(key.view(), mine);
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    buildInto(key, mine, viewer, locale);
                } catch (RuntimeException e) {
                    LOG.warn("dashboard as of {} not built in the background; the next request builds it", key.asOf(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            // The desk is stopping: nobody waits for this one.
            building.remove(key.view(), mine);
            kept.remove(key, mine);
            mine.completeExceptionally(e);
        }
    }

    /** Builds the key's dashboard, completing {@code mine} (registered in kept and building) with it. */
    private Dashboard buildInto(Key key, CompletableFuture<Dashboard> mine, Viewer viewer, Locale locale) {
        try {
            Instant at = clock.instant();
            Dashboard d;
            try {
                d = build(key.asOf(), viewer, locale, at);
            } finally {
                building.remove(key.view(), mine);
            }
            mine.complete(d);
            latest.merge(key.view(), new Built(d, at), (old, now) -> now.at().isBefore(old.at()) ? old : now);
            kept.keySet().removeIf(k -> k.sameView(key) && k.version() < key.version());
            if (kept.size() > KEPT) {
                kept.keySet().removeIf(k -> !k.equals(key));
                latest.keySet().removeIf(v -> !v.equals(key.view()));
            }
            return d;
        } catch (RuntimeException e) {
            kept.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private Dashboard build(LocalDate asOf, Viewer viewer, Locale locale, Instant at) {
        Campaign campaign = ledger.campaign();
        Directory directory = ledger.directory();
        HazardQuery filter = viewer.scope(HazardQuery.builder().asOf(asOf).states(COUNTED)).build();

        long hazards = 0, open = 0, overdue = 0, openMajor = 0, closed = 0, closedAll = 0, closedOnTime = 0;
        Map<HazardState, Long> byState = new LinkedHashMap<>();
        for (HazardState s : HazardState.values()) {
            if (COUNTED.contains(s)) {
                byState.put(s, 0L);
            }
        }
        Map<String, Long> byGrade = new LinkedHashMap<>();
        List<RiskGrade> redFirst = new ArrayList<>(List.of(RiskGrade.values()));
        java.util.Collections.reverse(redFirst);
        for (RiskGrade g : redFirst) {
            byGrade.put(g.name(), 0L);
        }
        byGrade.put(NO_GRADE, 0L);
        Map<String, Long> byCategory = new LinkedHashMap<>();
        Map<String, long[]> streets = new LinkedHashMap<>();
        Map<String, long[]> units = new LinkedHashMap<>();
        for (Count c : ledger.counts(filter, DIMS)) {
            String street = c.key().get(0);
            String unit = c.key().get(1);
            HazardState state = STATES.get(c.key().get(2));
            String grade = c.key().get(3).isEmpty() ? NO_GRADE : c.key().get(3);
            String category = c.key().get(4);
            boolean late = Boolean.parseBoolean(c.key().get(5));
            boolean byDeadline = Boolean.parseBoolean(c.key().get(6));
            long n = c.hazards();
            boolean isOpen = OPEN.contains(state);
            boolean isMajor = isOpen && grade.equals(RiskGrade.RED.name());
            boolean isClosed = CLOSED.contains(state);
            hazards += n;
            open += isOpen ? n : 0;
            overdue += late ? n : 0;
            openMajor += isMajor ? n : 0;
            closed += isClosed ? n : 0;
            // The on-time rate is of the hazards closed (销号), not of those corrected on the spot.
            closedAll += state == HazardState.CLOSED ? n : 0;
            closedOnTime += state == HazardState.CLOSED && byDeadline ? n : 0;
            byState.merge(state, n, Long::sum);
            byGrade.merge(grade, n, Long::sum);
            byCategory.merge(category, n, Long::sum);
            add(streets.computeIfAbsent(street, k -> new long[5]), n, isOpen, late, isMajor, isClosed);
            add(units.computeIfAbsent(unit, k -> new long[5]), n, isOpen, late, isMajor, isClosed);
        }

        Dashboard.Totals totals = new Dashboard.Totals(hazards, open, overdue, openMajor, closed, closedOnTime,
                closedAll);

        List<Dashboard.Bucket> states = byState.entrySet().stream().map(e -> new Dashboard.Bucket(e.getKey().name(),
                e.getKey().label().in(locale), e.getValue())).toList();
        List<Dashboard.Bucket> grades = byGrade.entrySet().stream().map(e -> new Dashboard.Bucket(e.getKey(),
                gradeLabel(e.getKey(), locale), e.getValue())).toList();
        List<Dashboard.Bucket> categories = byCategory.entrySet().stream()
                .map(e -> new Dashboard.Bucket(e.getKey(), campaign.categories().getOrDefault(e.getKey(),
                        Text.of(e.getKey(), e.getKey())).in(locale), e.getValue()))
                .sorted(Comparator.comparingLong(Dashboard.Bucket::count).reversed().thenComparing(Dashboard.Bucket::key))
                .toList();
        return new Dashboard(asOf, calendar(campaign.calendar(), asOf, locale), totals, states, grades, categories,
                areas(streets, code -> areaName(directory, code, locale)),
                areas(units, id -> directory.units().containsKey(id) ? directory.units().get(id).name() : id),
                trend(campaign, asOf, viewer), LocalDateTime.ofInstant(at, campaign.timeZone()),
                asOf.equals(ledger.today()));
    }

    /** Adds {@code n} hazards to an area's figures: all, open, overdue, open major, closed. */
    private static void add(long[] a, long n, boolean isOpen, boolean late, boolean isMajor, boolean isClosed) {
        a[0] += n;
        a[1] += isOpen ? n : 0;
        a[2] += late ? n : 0;
        a[3] += isMajor ? n : 0;
        a[4] += isClosed ? n : 0;
    }

    /**
     * States by name: a count of today at district scale has some 167,000 keys (street × unit × state × grade ×
     * category × overdue × on time), each read here once per build.
     */
    private static final Map<String, HazardState> STATES = java.util.Arrays.stream(HazardState.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(HazardState::name, s -> s));

    private List<Dashboard.Week> trend(Campaign campaign, LocalDate asOf, Viewer viewer) {
        LocalDate from = campaign.calendar().start();
        if (asOf.isBefore(from)) {
            return List.of();
        }
        List<Dashboard.Week> weeks = new ArrayList<>();
        for (WeekCounts w : ledger.trend(from, asOf, viewer.scope(HazardQuery.builder()).build())) {
            weeks.add(new Dashboard.Week(w.from(), w.to(), w.found(), w.closed(), w.openAtEnd(), w.overdueAtEnd()));
        }
        return weeks;
    }

    private static Dashboard.Calendar calendar(CampaignCalendar calendar, LocalDate asOf, Locale locale) {
        var position = calendar.position(asOf);
        Dashboard.KeyPeriod next = calendar.keyPeriods().stream()
                .filter(k -> !k.raisedTo().isBefore(asOf))
                .findFirst()
                .map(k -> new Dashboard.KeyPeriod(k.code(), k.label().in(locale), k.from(), k.to(), k.raisedFrom(),
                        Math.max(0, ChronoUnit.DAYS.between(asOf, k.raisedFrom())), k.raisedOn(asOf), k.inLeadUp(asOf)))
                .orElse(null);
        return new Dashboard.Calendar(position.phase().map(p -> p.text().in(locale)).orElse(""),
                position.alertLevel().code(), position.alertLevel().text().in(locale), next);
    }

    private static List<Dashboard.Area> areas(Map<String, long[]> numbers, java.util.function.Function<String, String> name) {
        return numbers.entrySet().stream()
                .map(e -> new Dashboard.Area(e.getKey(), e.getKey().isEmpty() ? "" : name.apply(e.getKey()),
                        e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4]))
                .sorted(Comparator.comparingLong(Dashboard.Area::open).reversed().thenComparing(Dashboard.Area::key))
                .toList();
    }

    static String areaName(Directory directory, String code, Locale locale) {
        Directory.Area a = directory.areas().get(code);
        return a == null ? code : a.name();
    }

    /** A grade's name (重大风险 …), or "not assessed" for {@link #NO_GRADE}. */
    public String gradeLabel(String grade, Locale locale) {
        return grade.equals(NO_GRADE) ? messages.getMessage("grade.none", null, locale)
                : RiskGrade.valueOf(grade).label().in(locale);
    }
}
