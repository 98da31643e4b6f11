package io.firerisk.ledger.notice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A notice, everything it prints, in Chinese.
 *
 * @param kind          which notice
 * @param title         its title
 * @param reference     its reference number
 * @param issuedOn      the date it is made as of
 * @param authority     who issues it
 * @param document      the campaign's plan it is issued under
 * @param venueId       the venue
 * @param venueName     its name
 * @param address       its address (or street), may be empty
 * @param unitName      the unit responsible for it, the addressee
 * @param body          the notice's text
 * @param items         the hazards it orders rectified, each with its clause, deadline and 五落实
 * @param deadline      the earliest deadline among them: the notice's 整改期限
 * @param basis         the clause the notice rests on (the 五落实 of the plan) with its wording
 * @param elements      major notice: the GB 35181 determination elements present, with their wording
 * @param determination major notice: that it awaits the collective determination, and what the standard requires; empty otherwise
 * @param supervision   major notice: the 挂牌督办 documents, when the hazard was determined and listed
 */
public record Notice(Kind kind, String title, String reference, LocalDate issuedOn, String authority, String document,
        String venueId, String venueName, String address, String unitName, String body, List<Item> items,
        LocalDate deadline, Cited basis, List<Cited> elements, List<String> determination, List<String> supervision) {

    public Notice {
        items = List.copyOf(items);
        elements = List.copyOf(elements);
        determination = List.copyOf(determination);
        supervision = List.copyOf(supervision);
    }

    /**
     * What the closing line cites: the clause the notice rests on with its wording, its document named once
     * (a clause's id such as {@code 万州城管发〔2023〕114号 二(一)} already begins with it).
     */
    public String citation() {
        String id = basis.id().startsWith(document) ? basis.id() : (document + " " + basis.id()).strip();
        return basis.title().isEmpty() ? id : id + "（" + basis.title() + "）";
    }

    /** Which notice. */
    public enum Kind { RECTIFICATION, MAJOR_HAZARD }

    /** A clause and its wording ({@code title} empty when the campaign's clauses do not hold it). */
    public record Cited(String id, String title) {}

    /**
     * One hazard of the notice.
     *
     * @param hazardId  the hazard
     * @param label     what it is
     * @param location  where in the venue, may be empty
     * @param foundOn   when it was found
     * @param deadline  its deadline in force
     * @param clause    the clause that makes it a hazard
     * @param plan      its 五落实 (责任、措施、时限、资金、预案), each part empty where the unit has not given it
     * @param state     where it stands, in Chinese
     */
    public record Item(String hazardId, String label, String location, LocalDate foundOn, LocalDate deadline,
            Cited clause, FivePoints plan, String state) {}

    /** The five parts of 五落实, in the plan's order; a part not given is empty. */
    public record FivePoints(String responsibility, String measures, Optional<LocalDate> deadline, String funds,
            String contingency) {}
}
