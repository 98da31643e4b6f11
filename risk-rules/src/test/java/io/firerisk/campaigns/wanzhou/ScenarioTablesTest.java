package io.firerisk.campaigns.wanzhou;

import io.firerisk.scenario.Scenario;
import io.firerisk.scenario.ScenarioResult;
import io.firerisk.scenario.ScenarioSuite;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of every scenarios/*.csv of the bundled campaign, as one JUnit test each. */
class ScenarioTablesTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioRowHoldsForTheBundledCampaign() {
        ScenarioSuite suite = ScenarioSuite.fromFolder(Wanzhou.folder());
        assertThat(suite.scenarios()).isNotEmpty();
        return suite.scenarios().stream().map(s -> DynamicTest.dynamicTest(name(s), () -> {
            ScenarioResult result = ScenarioSuite.run(Wanzhou.ENGINE, s);
            assertThat(result.mismatches())
                    .as("%s %s; rules fired: %s", s.where(), s.description(),
                            result.assessment().map(a -> a.firedRules().toString()).orElse("none"))
                    .isEmpty();
        }));
    }

    private static String name(Scenario s) {
        return s.id() + " " + s.description() + " [" + s.file() + ":" + s.line() + "]";
    }
}
