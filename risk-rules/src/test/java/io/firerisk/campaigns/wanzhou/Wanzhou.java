package io.firerisk.campaigns.wanzhou;

import io.firerisk.RiskEngine;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The bundled campaign under test, loaded once for all test classes. */
final class Wanzhou {

    static final String ID = "wanzhou-2023-winter";
    /** The plan's document number, as its clause ids begin: {@code PLAN + "二(八)"}. */
    static final String PLAN = "万州城管发〔2023〕114号 ";
    static final RiskEngine ENGINE = RiskEngine.builder().campaign(ID).build();

    private Wanzhou() {}

    /** The campaign folder as built into target/classes. */
    static Path folder() {
        try {
            return Path.of(Wanzhou.class.getResource("/campaigns/" + ID + "/campaign.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
