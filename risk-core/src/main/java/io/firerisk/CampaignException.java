package io.firerisk;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A campaign could not be loaded. Lists every problem found, each with its file, line and column
 * where known; the message starts with a one-line summary. Nothing of a failed campaign is kept.
 */
public class CampaignException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String campaign;
    private final transient List<Problem> problems;

    public CampaignException(String campaign, List<Problem> problems) {
        super(message(campaign, problems));
        this.campaign = campaign;
        this.problems = List.copyOf(problems);
    }

    /** The campaign id or folder that failed. */
    public String campaign() {
        return campaign;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The first line of the message: how many problems, in which campaign. */
    public String summary() {
        return summary(campaign, problems);
    }

    private static String summary(String campaign, List<Problem> problems) {
        long errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        return "campaign " + campaign + " cannot be loaded: " + errors + (errors == 1 ? " error" : " errors");
    }

    private static String message(String campaign, List<Problem> problems) {
        return summary(campaign, problems) + problems.stream().map(p -> "\n  " + p)
                .collect(Collectors.joining());
    }
}
