package io.firerisk.ledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The ledger's boundaries: it uses the engine through its public API only (no internals, no Drools
 * type), and its own public API names no storage or JSON library, so the desk builds on records and
 * the library underneath can change.
 */
class BoundariesTest {

    private static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.firerisk.ledger");

    @Test
    void theLedgerUsesTheEngineThroughItsPublicApiOnly() {
        noClasses().that().resideInAPackage("io.firerisk.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("io.firerisk.internal..", "io.firerisk.rules..",
                        "org.drools..", "org.kie..")
                .check(LEDGER);
    }

    @Test
    void thePublicApiNamesNoStorageOrJsonLibrary() {
        methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("a ledger or JDK type",
                        t -> !t.getPackageName().startsWith("org.jdbi") && !t.getPackageName().startsWith("com.zaxxer")
                                && !t.getPackageName().startsWith("org.flywaydb")
                                && !t.getPackageName().startsWith("com.fasterxml")))
                .check(LEDGER);
        noClasses().that().arePublic().and().resideInAPackage("io.firerisk.ledger")
                .should().haveSimpleNameEndingWith("Store").orShould().haveSimpleNameEndingWith("Fold")
                .check(LEDGER);
    }

    @Test
    void theInternalsAreNotPublic() {
        noClasses().that().haveSimpleName("Store").or().haveSimpleName("Checker").or().haveSimpleName("Codec")
                .or().haveSimpleName("Replay").or().haveSimpleName("Reads").or().haveSimpleName("Projection")
                .or().haveSimpleName("LedgerState").or().haveSimpleName("Working").or().haveSimpleName("HazardFold")
                .should().haveModifier(JavaModifier.PUBLIC)
                .check(LEDGER);
    }
}
