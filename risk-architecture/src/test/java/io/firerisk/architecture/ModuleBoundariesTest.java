package io.firerisk.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries, checked over every module's compiled classes so that a violation fails the
 * build: dependencies run one way (examples, server and spark → ledger → rules → core), no module
 * reaches into another's internals, no Drools type appears in a public signature, and the engine
 * holds no campaign content.
 *
 * <p>To add a module (risk-ledger, risk-server, risk-spark): add its line to {@link Module} with the
 * modules it may use (the lines are there, commented out), list it in the parent POM's modules above
 * risk-architecture, and name it on the lines of the modules that may use it. Nothing else changes:
 * every rule below runs over every module listed, main and test classes alike. A module's test
 * fixtures (its test-jar) count as its own: another module may use them, but not its main internals.
 */
class ModuleBoundariesTest {

    /** Every module with the modules its main classes may use. Order: a module only names modules above it. */
    enum Module {
        CORE("risk-core"),
        RULES("risk-rules", CORE),
        LEDGER("risk-ledger", RULES, CORE),
        EXAMPLES("risk-examples", LEDGER, RULES, CORE),
        SERVER("risk-server", LEDGER, RULES, CORE),
        SPARK("risk-spark", LEDGER, RULES, CORE),
        BENCH("risk-bench", LEDGER, RULES, CORE);

        final String folder;
        final Set<Module> mayUse;

        Module(String folder, Module... mayUse) {
            this.folder = folder;
            this.mayUse = Set.of(mayUse);
        }
    }

    /** The packages that hold a module's implementation: reachable from inside the module only. */
    static final String INTERNAL = "..internal..";

    /** The rule engine's own types: never part of firerisk's public API. */
    static final List<String> RULE_ENGINE = List.of("org.drools.", "org.kie.");

    static final Path ROOT = root();
    /** The module of each main class: what a dependency may point at. */
    static final Map<String, Module> HOME = new HashMap<>();
    /** The module of each test class: tests keep to the boundaries too (a module's test fixtures are its own). */
    static final Map<String, Module> TEST_HOME = new HashMap<>();
    /** Every module's main classes. */
    static JavaClasses main;
    /** Every module's main and test classes. */
    static JavaClasses withTests;

    @BeforeAll
    static void importEveryModule() {
        List<Path> mainFolders = new ArrayList<>();
        List<Path> allFolders = new ArrayList<>();
        for (Module m : Module.values()) {
            Path classes = ROOT.resolve(m.folder).resolve("target/classes");
            assertThat(classes).as("%s is compiled (build the reactor: ./mvnw verify)", m.folder).isDirectory();
            new ClassFileImporter().importPath(classes).forEach(c -> HOME.put(c.getName(), m));
            mainFolders.add(classes);
            allFolders.add(classes);
            Path tests = ROOT.resolve(m.folder).resolve("target/test-classes");
            if (Files.isDirectory(tests)) {
                new ClassFileImporter().importPath(tests).forEach(c -> TEST_HOME.put(c.getName(), m));
                allFolders.add(tests);
            }
        }
        main = new ClassFileImporter().importPaths(mainFolders);
        withTests = new ClassFileImporter().importPaths(allFolders);
    }

    @Test
    void eachModuleUsesOnlyTheModulesBelowIt() {
        classes().should(useOnlyAllowedModules()).check(withTests);
    }

    @Test
    void noModuleReachesIntoAnothersInternals() {
        classes().should(notUseOtherModulesInternals()).check(withTests);
    }

    @Test
    void noRuleEngineTypeAppearsInAPublicSignature() {
        classes().that().arePublic().and().resideOutsideOfPackage(INTERNAL)
                .should(exposeNo("Drools type", type -> RULE_ENGINE.stream().anyMatch(type::startsWith))).check(main);
    }

    @Test
    void noInternalTypeAppearsInAPublicSignatureOutsideTheInternals() {
        classes().that().arePublic().and().resideOutsideOfPackage(INTERNAL)
                .should(exposeNo("internal type", type -> type.startsWith("io.firerisk.") && type.contains(".internal.")))
                .check(main);
    }

    @Test
    void theEngineHoldsNoCampaignContent() throws IOException {
        Path core = ROOT.resolve(Module.CORE.folder).resolve("target/classes");
        try (Stream<Path> files = Files.walk(core)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> core.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.startsWith("campaigns/") || p.endsWith(".drl") || p.endsWith(".csv")
                            || p.endsWith(".yaml") || p.endsWith(".jsonl")))
                    .as("campaign files (rules, tables, campaign.yaml, samples) belong in risk-rules").isEmpty();
        }
    }

    /** The module a class belongs to: for a dependency's target only main classes count. */
    private static Module home(JavaClass c) {
        return HOME.get(c.getName());
    }

    private static Module origin(JavaClass c) {
        Module m = HOME.get(c.getName());
        return m != null ? m : TEST_HOME.get(c.getName());
    }

    private static ArchCondition<JavaClass> useOnlyAllowedModules() {
        return new ArchCondition<>("use only the modules their module may use") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Module from = origin(origin);
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    Module to = home(d.getTargetClass());
                    if (to != null && to != from && !from.mayUse.contains(to)) {
                        events.add(SimpleConditionEvent.violated(d, from.folder + " may not use " + to.folder + ": "
                                + d.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> notUseOtherModulesInternals() {
        return new ArchCondition<>("not use another module's internal packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Module from = origin(origin);
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    Module to = home(target);
                    if (to != null && to != from && target.getPackageName().contains(".internal")) {
                        events.add(SimpleConditionEvent.violated(d, from.folder + " reaches into the internals of "
                                + to.folder + ": " + d.getDescription()));
                    }
                }
            }
        };
    }

    /** No type for which {@code forbidden} holds in what other code sees of a class; {@code what} names such a type. */
    private static ArchCondition<JavaClass> exposeNo(String what, java.util.function.Predicate<String> forbidden) {
        return new ArchCondition<>("expose no " + what + " in a public or protected signature") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                signatureTypes(c).forEach((where, type) -> {
                    if (forbidden.test(type)) {
                        events.add(SimpleConditionEvent.violated(c, where + " exposes " + what + " " + type));
                    }
                });
            }
        };
    }

    /** Every type named in what other code sees of a class: supertypes, public and protected members. */
    private static Map<String, String> signatureTypes(JavaClass c) {
        Map<String, String> types = new java.util.LinkedHashMap<>();
        c.getRawSuperclass().ifPresent(s -> types.put(c.getName() + " extends", s.getName()));
        c.getRawInterfaces().forEach(i -> types.put(c.getName() + " implements " + i.getName(), i.getName()));
        for (JavaField f : c.getFields()) {
            if (visible(f.getModifiers())) {
                f.getType().getAllInvolvedRawTypes().forEach(t -> types.put(f.getFullName(), t.getName()));
            }
        }
        for (JavaCodeUnit m : c.getCodeUnits()) {
            if (!visible(m.getModifiers())) {
                continue;
            }
            m.getReturnType().getAllInvolvedRawTypes().forEach(t -> types.put(m.getFullName() + " returns", t.getName()));
            for (int i = 0; i < m.getParameters().size(); i++) {
                int n = i;
                m.getParameters().get(i).getType().getAllInvolvedRawTypes()
                        .forEach(t -> types.put(m.getFullName() + " parameter " + n + " " + t.getName(), t.getName()));
            }
            m.getThrowsClause().getTypes().forEach(t -> types.put(m.getFullName() + " throws", t.getName()));
        }
        return types;
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    /** The repository root, whether the test runs from the module (Maven) or the root (an IDE). */
    private static Path root() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.isDirectory(here.resolve(Module.CORE.folder)) ? here : here.getParent();
    }
}
