package io.firerisk.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleIndexTest {

    private static final String FILE = String.join("\n",
            "package rules.core;",                       // 1
            "",                                          // 2
            "rule \"first\"",                            // 3
            "    @clause(\"A\")",                        // 4
            "when",                                      // 5
            "    $v : VenueProfile()",                   // 6
            "then",                                      // 7
            "end",                                       // 8
            "// rule \"commented out\" is not a rule",   // 9
            "rule 'single quoted'",                      // 10
            "when then end",                             // 11
            "",                                          // 12
            "  rule bare_name",                          // 13
            "when",                                      // 14
            "then",                                      // 15
            "end",                                       // 16
            "rule \"first\"",                            // 17: a second declaration of the same name
            "when then end");                            // 18

    @Test
    void everyRuleIsFoundAtTheLineOfItsDeclarationWhereverItIsInTheFile() {
        RuleCompiler.RuleIndex index = new RuleCompiler.RuleIndex(FILE);

        assertThat(index.line("first")).isEqualTo(3);
        assertThat(index.line("single quoted")).isEqualTo(10);
        assertThat(index.line("bare_name")).isEqualTo(13);
        assertThat(index.line("commented out")).isZero();
        assertThat(index.line("no such rule")).isZero();
    }

    @Test
    void aRulesTextRunsFromItsDeclarationsLineToItsEnd() {
        RuleCompiler.RuleIndex index = new RuleCompiler.RuleIndex(FILE);

        assertThat(index.ruleText("first")).isEqualTo("rule \"first\"\n    @clause(\"A\")\nwhen\n    $v : VenueProfile()\nthen\nend");
        assertThat(index.ruleText("bare_name")).isEqualTo("  rule bare_name\nwhen\nthen\nend");
        assertThat(index.ruleText("no such rule")).isEmpty();
    }

    @Test
    void theIndexCountsLinesAsTheCompilersOtherChecksDo() {
        RuleCompiler.RuleIndex index = new RuleCompiler.RuleIndex(FILE);

        for (int offset = 0; offset <= FILE.length() + 1; offset++) {
            assertThat(index.lineAt(offset)).as("offset %d", offset).isEqualTo(RuleCompiler.lineAt(FILE, offset));
        }
        assertThat(new RuleCompiler.RuleIndex(null).line("first")).isZero();
    }
}
