package io.firerisk.ledger.report;

/**
 * What happened to hazards in a period, and where they stood at its end.
 *
 * @param found        hazards found in the period (corrected on the spot included)
 * @param closed       hazards closed (销号) in the period
 * @param reopened     hazards reopened at 回头看 in the period
 * @param openAtEnd    hazards not closed at the period's end (cancelled ones count nowhere)
 * @param overdueAtEnd hazards past their deadline at the period's end
 */
public record Figures(int found, int closed, int reopened, int openAtEnd, int overdueAtEnd) {

    public static final Figures ZERO = new Figures(0, 0, 0, 0, 0);

    Figures plus(Figures o) {
        return new Figures(found + o.found, closed + o.closed, reopened + o.reopened, openAtEnd + o.openAtEnd,
                overdueAtEnd + o.overdueAtEnd);
    }
}
