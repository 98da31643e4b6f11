package io.firerisk.ledger.notice;

import io.firerisk.Assessment;
import io.firerisk.HazardVerdict;
import io.firerisk.RectificationPlan;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.HazardType;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.LedgerPolicy;
import io.firerisk.ledger.VenueView;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes notices from the ledger as of a date.
 *
 * <pre>{@code
 * Notices notices = Notices.of(ledger);
 * Notice one = notices.forHazard("WZ-0002/F1", LocalDate.of(2024, 1, 10));
 * Notice all = notices.forVenue("WZ-0002", LocalDate.of(2024, 1, 10));
 * Notice major = notices.majorHazard("WZ-0020", LocalDate.of(2024, 1, 10));
 * }</pre>
 */
public final class Notices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Ledger ledger;
    private final Campaign campaign;
    private final LedgerPolicy.Notices wording;

    private Notices(Ledger ledger) {
        this.ledger = ledger;
        this.campaign = ledger.campaign();
        this.wording = ledger.policy().notices().orElseThrow(() -> new IllegalStateException("campaign "
                + campaign.id() + " words no notices: add a notices section to its ledger.yaml"));
    }

    /** @throws IllegalStateException when the campaign's ledger.yaml has no {@code notices} section */
    public static Notices of(Ledger ledger) {
        return new Notices(Objects.requireNonNull(ledger, "ledger"));
    }

    /**
     * A 整改通知书 for one hazard, as of {@code date}.
     *
     * @throws NothingToRectifyException when the hazard is not {@linkplain #toRectify(HazardState) still to be rectified} then
     */
    public Notice forHazard(String hazardId, LocalDate date) {
        HazardView h = ledger.hazard(hazardId, date).orElseThrow(() -> new IllegalArgumentException("hazard '"
                + hazardId + "' is not in the ledger as of " + date));
        if (!toRectify(h.state())) {
            throw new NothingToRectifyException(h.venueId(), date, Map.of(hazardId, h.state()));
        }
        VenueView v = ledger.venue(h.venueId(), date).orElseThrow();
        return notice(Notice.Kind.RECTIFICATION, wording.rectification(), v, List.of(h), date, List.of(), List.of(),
                List.of());
    }

    /**
     * A 整改通知书 for every hazard of a venue still to be rectified on {@code date}.
     *
     * @throws NothingToRectifyException when the venue has none then
     */
    public Notice forVenue(String venueId, LocalDate date) {
        VenueView v = venue(venueId, date);
        List<HazardView> open = toRectify(v, date);
        return notice(Notice.Kind.RECTIFICATION, wording.rectification(), v, open, date, List.of(), List.of(), List.of());
    }

    /**
     * A 重大火灾隐患整改通知书 for a venue the engine finds a suspected major hazard at on {@code date},
     * or with a hazard under 挂牌督办: its open hazards, the determination elements present, and, until a
     * hazard of it is listed, that it awaits the collective determination (GB 35181-2017 4.2).
     *
     * @throws NothingToRectifyException when the venue is not suspected and its only hazards under 挂牌督办 are
     *                                   verified awaiting closure (复查通过待销号), or nothing of it is left to rectify
     */
    public Notice majorHazard(String venueId, LocalDate date) {
        VenueView v = venue(venueId, date);
        Assessment a = v.assessment();
        List<HazardView> open = left(v);
        List<String> supervision = open.stream().filter(h -> h.supervision().isPresent()).map(h -> {
            HazardView.Supervision s = h.supervision().get();
            return h.hazardId() + "：" + unitName(s.supervisingUnit()) + " 挂牌督办（" + s.documentNo() + "，" + s.since() + " 起）";
        }).toList();
        boolean suspected = a.verdict() == HazardVerdict.SUSPECTED_MAJOR;
        // Listed means a hazard under 挂牌督办 still to be rectified, as on the venue's page: one verified awaiting
        // closure (复查通过待销号) has met its order, and the venue's other hazards are no major hazard for it.
        boolean listed = v.hazards().stream().anyMatch(h -> toRectify(h.state()) && h.supervision().isPresent());
        if (!suspected && !listed) {
            Map<String, HazardState> met = new LinkedHashMap<>();
            v.hazards().stream().filter(h -> h.state().isOpen() && h.supervision().isPresent())
                    .forEach(h -> met.put(h.hazardId(), h.state()));
            if (!met.isEmpty()) {
                throw new NothingToRectifyException(venueId, date, met);
            }
            throw new IllegalArgumentException("venue " + venueId + " has no suspected or determined major fire hazard as of "
                    + date + " (" + a.verdict().label().zh() + "): a 整改通知书 is the notice for it");
        }
        if (open.isEmpty()) {
            throw nothingLeft(v, date);
        }
        List<Notice.Cited> elements = new ArrayList<>();
        List<String> numbers = new ArrayList<>(a.determination().directElements());
        numbers.addAll(a.determination().comprehensiveElements());
        for (String n : numbers) {
            // The edition applied on the notice's date names the element's clause.
            elements.add(cited(a.determination().standard() + " " + n));
        }
        List<String> determination = new ArrayList<>();
        if (supervision.isEmpty()) {
            determination.add(wording.pending());
            determination.add(a.determination().reminder().zh());
        }
        return notice(Notice.Kind.MAJOR_HAZARD, wording.major(), v, open, date, elements, determination, supervision);
    }

    private VenueView venue(String venueId, LocalDate date) {
        return ledger.venue(venueId, date).orElseThrow(() -> new IllegalArgumentException("venue '" + venueId
                + "' is not in the ledger as of " + date));
    }

    /**
     * What a notice may order rectified: a hazard awaiting rectification, or one the unit reports rectified that
     * no re-inspection has confirmed yet (待复查). Not one verified awaiting closure (复查通过待销号), closed,
     * corrected on the spot or cancelled: the order has been met, or never stood.
     */
    public static boolean toRectify(HazardState s) {
        return s.awaitsRectification() || s == HazardState.AWAITING_VERIFICATION;
    }

    /** The venue's hazards still to be rectified on the date, earliest deadline first; refused when there is none. */
    private static List<HazardView> toRectify(VenueView v, LocalDate date) {
        List<HazardView> left = left(v);
        if (left.isEmpty()) {
            throw nothingLeft(v, date);
        }
        return left;
    }

    /** The venue's hazards still to be rectified, earliest deadline first. */
    private static List<HazardView> left(VenueView v) {
        return v.hazards().stream().filter(h -> toRectify(h.state()))
                .sorted(Comparator.comparing(HazardView::deadline).thenComparing(HazardView::hazardId)).toList();
    }

    /** The refusal for a venue with nothing left to rectify: each of its hazards (cancelled ones aside) and its state. */
    private static NothingToRectifyException nothingLeft(VenueView v, LocalDate date) {
        Map<String, HazardState> states = new LinkedHashMap<>();
        v.hazards().stream().filter(h -> h.state() != HazardState.CANCELLED)
                .forEach(h -> states.put(h.hazardId(), h.state()));
        return new NothingToRectifyException(v.venueId(), date, states);
    }

    private Notice notice(Notice.Kind kind, LedgerPolicy.Form form, VenueView v, List<HazardView> hazards, LocalDate date,
            List<Notice.Cited> elements, List<String> determination, List<String> supervision) {
        List<Notice.Item> items = new ArrayList<>();
        for (HazardView h : hazards) {
            // The notice orders rectification under the law in force on its date: a code both GB 35181 editions
            // define cites the edition in force then, not the one the hazard was found under.
            String clause = campaign.hazardOn(h.hazardCode(), date).map(HazardType::clause).orElse("");
            RectificationPlan p = h.plan();
            items.add(new Notice.Item(h.hazardId(), h.label().zh(), h.location(), h.foundOn(), h.deadline(), cited(clause),
                    new Notice.FivePoints(text(p.responsiblePerson()), text(p.measures()), Optional.ofNullable(p.deadline()),
                            text(p.funds()), text(p.contingencyPlan())), state(h)));
        }
        LocalDate deadline = hazards.stream().map(HazardView::deadline).min(Comparator.naturalOrder()).orElseThrow();
        String reference = form.prefix() + "〔" + date.getYear() + "〕" + v.venueId() + "-" + date.format(DAY)
                + (kind == Notice.Kind.RECTIFICATION && hazards.size() == 1 ? "-" + withinVenue(hazards.get(0), v) : "")
                + "号";
        String address = v.venue().address().isEmpty() ? v.venue().street() : v.venue().address();
        return new Notice(kind, form.title(), reference, date, campaign.authority().zh(), campaign.document(), v.venueId(),
                v.venue().name(), address, unitName(v.unitId()), form.body(), items, deadline, cited(wording.clause()),
                elements, determination, supervision);
    }

    /**
     * The hazard's id as the reference number carries it after the venue's: without the venue's id when the
     * hazard's begins with it (ids such as {@code WZ-0025/F1}), so the number does not name the venue twice.
     */
    private static String withinVenue(HazardView h, VenueView v) {
        String id = h.hazardId();
        String prefix = v.venueId() + "/";
        return id.startsWith(prefix) && id.length() > prefix.length() ? id.substring(prefix.length()) : id;
    }

    private static String state(HazardView h) {
        String s = h.state().label().zh();
        if (h.overdue()) {
            s += "，已逾期 " + h.daysOverdue() + " 天";
        }
        return h.state() == HazardState.REOPENED ? s + "（回头看发现反弹）" : s;
    }

    private Notice.Cited cited(String id) {
        return new Notice.Cited(id, campaign.clause(id).map(c -> c.title().zh()).orElse(""));
    }

    private String unitName(String unitId) {
        Directory.Unit u = ledger.directory().units().get(unitId);
        return u == null ? unitId : u.name();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
