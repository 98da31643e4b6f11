package io.firerisk.ledger;

import io.firerisk.RectificationStatus;
import io.firerisk.Text;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a hazard stands in the closed loop (闭环管理), and the transition table that decides which
 * event may follow which: {@code state × event → state}. An event the table does not list for the
 * hazard's state is refused with an {@link IllegalTransitionException} naming the hazard, its state
 * and the event. {@link EventType#HAZARD_FOUND} starts a hazard in {@link #OPEN}, or in
 * {@link #CORRECTED_ON_SPOT} when it was corrected in the inspector's presence.
 *
 * <pre>
 * OPEN, REOPENED   PLAN_SET → RECTIFYING; RECTIFICATION_REPORTED → AWAITING_VERIFICATION;
 *                  EXTENSION_*, SUPERVISION_*, ENFORCEMENT_RECORDED → unchanged; HAZARD_CANCELLED → CANCELLED
 * RECTIFYING       PLAN_SET → RECTIFYING (a new version); RECTIFICATION_REPORTED → AWAITING_VERIFICATION;
 *                  EXTENSION_*, SUPERVISION_*, ENFORCEMENT_RECORDED → unchanged; HAZARD_CANCELLED → CANCELLED
 * AWAITING_VERIFICATION  REINSPECTION_PASSED → VERIFIED; REINSPECTION_FAILED → RECTIFYING; SUPERVISION_* → unchanged
 * VERIFIED         HAZARD_CLOSED → CLOSED
 * CLOSED, CORRECTED_ON_SPOT  HAZARD_REOPENED → REOPENED
 * CANCELLED        nothing
 * </pre>
 *
 * Some allowed transitions have conditions besides: a pending request for an extension's decision,
 * the extension cap, a second person for re-inspection and closing; those are refused with a
 * {@link RefusedException} naming the field.
 */
public enum HazardState {
    /** 待整改: found and listed, nothing done yet. */
    OPEN("待整改", "open", RectificationStatus.OPEN),
    /** 整改中: a 五落实 plan is in force. */
    RECTIFYING("整改中", "rectifying", RectificationStatus.IN_PROGRESS),
    /** 待复查: the unit reports it rectified; a re-inspection must confirm it. */
    AWAITING_VERIFICATION("待复查", "awaiting re-inspection", RectificationStatus.RECTIFIED),
    /** 复查通过，待销号. */
    VERIFIED("复查通过待销号", "verified, awaiting closure", RectificationStatus.VERIFIED),
    /** 已销号: closed. */
    CLOSED("已销号", "closed", null),
    /** 回头看发现反弹，重新整改. */
    REOPENED("回头看重新整改", "reopened", RectificationStatus.OPEN),
    /** 当场改正: corrected in the inspector's presence (GB 35181-2017 5.1.2). */
    CORRECTED_ON_SPOT("当场改正", "corrected on the spot", RectificationStatus.CORRECTED_ON_SPOT),
    /** 已作废: recorded by mistake; kept in the log, counted nowhere. */
    CANCELLED("已作废", "cancelled", null);

    private static final Map<HazardState, Map<EventType, HazardState>> TABLE = table();

    private final Text label;
    private final RectificationStatus findingStatus;

    HazardState(String zh, String en, RectificationStatus findingStatus) {
        this.label = Text.of(zh, en);
        this.findingStatus = findingStatus;
    }

    public Text label() {
        return label;
    }

    /** The state after {@code event}, or empty when the table does not allow it. */
    public Optional<HazardState> after(EventType event) {
        return Optional.ofNullable(TABLE.get(this).get(event));
    }

    /** The events the table allows in this state, for a form to offer. */
    public Set<EventType> allowedEvents() {
        return TABLE.get(this).keySet();
    }

    /** The whole table, state by state. */
    public static Map<HazardState, Map<EventType, HazardState>> transitions() {
        return TABLE;
    }

    /** Still to be rectified by the unit: the deadline runs and it can be overdue. */
    public boolean awaitsRectification() {
        return this == OPEN || this == RECTIFYING || this == REOPENED;
    }

    /** Not yet closed: counted as an open hazard (cancelled ones count nowhere). */
    public boolean isOpen() {
        return awaitsRectification() || this == AWAITING_VERIFICATION || this == VERIFIED;
    }

    /**
     * What the engine is told about a finding in this state; {@code null} for a closed or cancelled
     * hazard, which the engine is not told about at all (a closed hazard is no longer the venue's).
     */
    RectificationStatus findingStatus() {
        return findingStatus;
    }

    private static Map<HazardState, Map<EventType, HazardState>> table() {
        Map<HazardState, Map<EventType, HazardState>> t = new EnumMap<>(HazardState.class);
        for (HazardState s : values()) {
            t.put(s, new EnumMap<>(EventType.class));
        }
        for (HazardState s : new HazardState[] {OPEN, REOPENED, RECTIFYING}) {
            Map<EventType, HazardState> row = t.get(s);
            row.put(EventType.PLAN_SET, RECTIFYING);
            row.put(EventType.RECTIFICATION_REPORTED, AWAITING_VERIFICATION);
            row.put(EventType.EXTENSION_REQUESTED, s);
            row.put(EventType.EXTENSION_APPROVED, s);
            row.put(EventType.EXTENSION_REFUSED, s);
            row.put(EventType.SUPERVISION_LISTED, s);
            row.put(EventType.SUPERVISION_LIFTED, s);
            row.put(EventType.ENFORCEMENT_RECORDED, s);
            row.put(EventType.HAZARD_CANCELLED, CANCELLED);
        }
        t.get(AWAITING_VERIFICATION).put(EventType.REINSPECTION_PASSED, VERIFIED);
        t.get(AWAITING_VERIFICATION).put(EventType.REINSPECTION_FAILED, RECTIFYING);
        t.get(AWAITING_VERIFICATION).put(EventType.SUPERVISION_LISTED, AWAITING_VERIFICATION);
        t.get(AWAITING_VERIFICATION).put(EventType.SUPERVISION_LIFTED, AWAITING_VERIFICATION);
        t.get(VERIFIED).put(EventType.HAZARD_CLOSED, CLOSED);
        t.get(CLOSED).put(EventType.HAZARD_REOPENED, REOPENED);
        t.get(CORRECTED_ON_SPOT).put(EventType.HAZARD_REOPENED, REOPENED);
        Map<HazardState, Map<EventType, HazardState>> frozen = new EnumMap<>(HazardState.class);
        t.forEach((k, v) -> frozen.put(k, Collections.unmodifiableMap(v)));
        return Collections.unmodifiableMap(frozen);
    }
}
