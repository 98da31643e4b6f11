package io.firerisk.server.hazards;

import io.firerisk.server.web.FilterParameters.Option;

import java.util.List;

/** The choices the hazard list's filter form offers. */
public record FilterOptions(List<Option> streets, List<Option> units, List<Option> states, List<Option> grades,
        List<Option> categories, List<Option> keyPeriods) {}
