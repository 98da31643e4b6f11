package io.firerisk.server.hazards;

import java.util.List;

/** The choices the hazard list's filter form offers. */
public record FilterOptions(List<Option> streets, List<Option> units, List<Option> states, List<Option> grades,
        List<Option> categories, List<Option> keyPeriods) {

    /** A value and its name. */
    public record Option(String value, String label) {}
}
