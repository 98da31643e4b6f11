package io.firerisk;

/**
 * What the facts say about the fire hazards of a venue under GB 35181.
 *
 * <p>The engine never gives a final legal verdict: GB 35181-2017 4.2 requires a collective
 * discussion of at least three people, and an expert review for hard cases, before a hazard is
 * determined to be major. {@link #SUSPECTED_MAJOR} is the candidate for that discussion.
 */
public enum HazardVerdict {
    /** No open fire hazard. */
    NONE(Text.of("无火灾隐患", "no fire hazard")),
    /** Open fire hazards, none of them suspected major (一般火灾隐患). */
    GENERAL(Text.of("一般火灾隐患", "general fire hazard")),
    /** The facts meet GB 35181 for a major fire hazard; to be confirmed by the collective decision (疑似重大火灾隐患). */
    SUSPECTED_MAJOR(Text.of("疑似重大火灾隐患（待集体讨论确定）", "suspected major fire hazard (to be confirmed collectively)"));

    private final Text label;

    HazardVerdict(Text label) {
        this.label = label;
    }

    public Text label() {
        return label;
    }
}
