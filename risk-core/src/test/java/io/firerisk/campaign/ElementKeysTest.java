package io.firerisk.campaign;

import io.firerisk.CampaignException;
import io.firerisk.Problem;
import io.firerisk.RiskEngine;
import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A campaign's elements are keyed by edition and number: the dated campaign applies test-2023 up to 2024-01-15 and
 * test-2024 from 2024-01-16 (src/test/resources/standards).
 */
class ElementKeysTest {

    @TempDir
    Path temp;

    @Test
    void eachEditionsElementsAreFoundByEditionAndNumberWithTheirOwnWording() {
        try (RiskEngine engine = RiskEngine.builder().campaignDirectory(CampaignFixture.copyOf("dated", temp).folder()).build()) {
            Campaign campaign = engine.campaign();

            assertThat(campaign.elements()).containsKeys(new Element.Key("test-2023", "C.1"), new Element.Key("test-2024", "E.2"));
            assertThat(campaign.element("test-2023", "C.1")).get().extracting(e -> e.label().zh()).isEqualTo("疏散指示损坏");
            assertThat(campaign.element("test-2024", "E.2")).get().extracting(e -> e.label().zh()).isEqualTo("疏散指示或应急照明损坏");
            // A number is an element of the edition that defines it only
            assertThat(campaign.element("test-2024", "C.1")).isEmpty();
            assertThat(campaign.elementsNumbered("C.1")).extracting(Element::standard).containsExactly("test-2023");
            // and, on a date, of the edition in force then
            assertThat(campaign.elementOn("C.1", LocalDate.of(2024, 1, 15))).isPresent();
            assertThat(campaign.elementOn("C.1", LocalDate.of(2024, 1, 16))).isEmpty();
            assertThat(campaign.elementOn("E.2", LocalDate.of(2024, 1, 16))).get().extracting(Element::clause)
                    .isEqualTo("TEST 1-2024 6");
            assertThat(campaign.elementNumbers()).contains("C.1", "E.2").doesNotHaveDuplicates();
        }
    }

    @Test
    void twoEditionsThatNumberAnElementAlikeAreRefusedAtTheLaterOnesLineUntilRulesReadElementsByEdition() throws IOException {
        // Given the campaign carrying its own copy of test-2024, whose E.2 is renumbered C.1, a number test-2023 uses
        CampaignFixture fixture = CampaignFixture.copyOf("dated", temp);
        Path standard = Path.of("src/test/resources/standards/test-2024").toAbsolutePath();
        for (String file : List.of("standard.yaml", "clauses.csv", "elements.csv", "evidence.csv",
                "rules/test_2024/determination.drl")) {
            fixture.write("standards/test-2024/" + file, Files.readString(standard.resolve(file)));
        }
        fixture.replace("standards/test-2024/elements.csv", "E.2,COMPREHENSIVE", "C.1,COMPREHENSIVE");

        CampaignException e = catchThrowableOfType(CampaignException.class,
                () -> RiskEngine.builder().campaignDirectory(fixture.folder()).build());

        assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("standards/test-2024/elements.csv:").contains("'C.1' is already defined at standards/test-2023/elements.csv"));
    }

    @Test
    void anItemOfAClauseIsWrittenWithItsLetterAndAParenthesis() {
        assertThat(Element.written("5.1.h")).isEqualTo("5.1 h)");
        assertThat(Element.written("5.2.c")).isEqualTo("5.2 c)");
        assertThat(Element.written("6.5")).isEqualTo("6.5");
        assertThat(Element.written("7.3.10")).isEqualTo("7.3.10");
        assertThat(Element.written("A.4")).isEqualTo("A.4");
    }
}
