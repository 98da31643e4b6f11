package io.firerisk.ledger;

import io.firerisk.Text;

/** Every kind of event the log holds, with the record that carries it. */
public enum EventType {
    AREA_REGISTERED(Event.AreaRegistered.class, "登记区域", "area registered"),
    UNIT_REGISTERED(Event.UnitRegistered.class, "登记单位", "unit registered"),
    PERSON_REGISTERED(Event.PersonRegistered.class, "登记人员", "person registered"),
    PERSON_CHANGED(Event.PersonChanged.class, "人员变更", "person changed"),
    VENUE_REGISTERED(Event.VenueRegistered.class, "登记场所", "venue registered"),
    VENUE_CHANGED(Event.VenueChanged.class, "场所信息变更", "venue facts changed"),
    INSPECTION_RECORDED(Event.InspectionRecorded.class, "记录检查", "inspection recorded"),
    HAZARD_FOUND(Event.HazardFound.class, "发现隐患", "hazard found"),
    PLAN_SET(Event.PlanSet.class, "制定/变更五落实方案", "rectification plan set"),
    RECTIFICATION_REPORTED(Event.RectificationReported.class, "报告整改完成", "rectification reported"),
    REINSPECTION_PASSED(Event.ReinspectionPassed.class, "复查通过", "re-inspection passed"),
    REINSPECTION_FAILED(Event.ReinspectionFailed.class, "复查不通过", "re-inspection failed"),
    HAZARD_CLOSED(Event.HazardClosed.class, "销号", "closed"),
    EXTENSION_REQUESTED(Event.ExtensionRequested.class, "申请延期", "extension requested"),
    EXTENSION_APPROVED(Event.ExtensionApproved.class, "批准延期", "extension approved"),
    EXTENSION_REFUSED(Event.ExtensionRefused.class, "不予延期", "extension refused"),
    HAZARD_REOPENED(Event.HazardReopened.class, "回头看重新整改", "reopened"),
    HAZARD_CANCELLED(Event.HazardCancelled.class, "作废", "cancelled"),
    SUPERVISION_LISTED(Event.SupervisionListed.class, "挂牌督办", "listed for supervision"),
    SUPERVISION_LIFTED(Event.SupervisionLifted.class, "解除挂牌督办", "supervision lifted"),
    ENFORCEMENT_RECORDED(Event.EnforcementRecorded.class, "执法措施", "enforcement recorded"),
    INSPECTION_PLAN_DRAWN(Event.InspectionPlanDrawn.class, "抽取双随机检查计划", "inspection plan drawn"),
    INSPECTORS_REASSIGNED(Event.InspectorsReassigned.class, "调整检查人员", "inspectors reassigned"),
    INSPECTION_PLAN_PUBLISHED(Event.InspectionPlanPublished.class, "公开检查计划", "inspection plan published"),
    EDUCATION_RECORDED(Event.EducationRecorded.class, "记录宣传教育活动", "education activity recorded");

    private final Class<? extends Event> recordClass;
    private final Text label;

    EventType(Class<? extends Event> recordClass, String zh, String en) {
        this.recordClass = recordClass;
        this.label = Text.of(zh, en);
    }

    public Class<? extends Event> recordClass() {
        return recordClass;
    }

    public Text label() {
        return label;
    }

    /** True for the events of a hazard's own life, the ones the transition table decides. */
    public boolean onHazard() {
        return Event.HazardEvent.class.isAssignableFrom(recordClass);
    }
}
