package io.firerisk.server.reports;

import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.report.Digest;
import io.firerisk.ledger.report.FinalSummary;
import io.firerisk.ledger.report.PeriodicAnalysis;
import io.firerisk.ledger.report.Reports;
import io.firerisk.ledger.report.UnitAccountability;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ledger's reports for the desk, each computed once per (ledger version, dates): the version is the
 * number of events in the log, which only grows, so a report of an unchanged log is served from memory and
 * any new event makes the next request compute it afresh. The page, its chart's JSON and its workbook ask
 * for the same report one after the other; only the first pays.
 */
@Service
public class ReportService {

    /** Reports kept: a few periods and dates for a handful of people at once. */
    private static final int CACHED = 32;

    private final Ledger ledger;
    private final Reports reports;
    private final Map<Key, Object> cache = new LinkedHashMap<>(CACHED * 2, 0.75f, true);

    ReportService(Ledger ledger) {
        this.ledger = ledger;
        this.reports = Reports.of(ledger);
    }

    private record Key(String kind, long version, LocalDate a, LocalDate b, int n) {}

    public PeriodicAnalysis periodic(LocalDate from, LocalDate to) {
        return cached(new Key("periodic", ledger.eventCount(), from, to, 0), () -> reports.periodic(from, to));
    }

    public FinalSummary summary(LocalDate asOf) {
        return cached(new Key("summary", ledger.eventCount(), asOf, null, 0), () -> reports.finalSummary(asOf));
    }

    public UnitAccountability accountability(LocalDate asOf) {
        return cached(new Key("accountability", ledger.eventCount(), asOf, null, 0), () -> reports.accountability(asOf));
    }

    /** The digest; {@code withinDays} null for the campaign's own due-soon days. */
    public Digest digest(LocalDate date, Integer withinDays) {
        return cached(new Key("digest", ledger.eventCount(), date, null, withinDays == null ? -1 : withinDays),
                () -> withinDays == null ? reports.digest(date) : reports.digest(date, withinDays));
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Key key, Supplier<T> compute) {
        synchronized (cache) {
            Object hit = cache.get(key);
            if (hit != null) {
                return (T) hit;
            }
        }
        T value = compute.get();
        synchronized (cache) {
            cache.put(key, value);
            while (cache.size() > CACHED) {
                cache.remove(cache.keySet().iterator().next());
            }
        }
        return value;
    }
}
