package dev.dapkit.samples;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Keeps the architecture of DESIGN §1 and STYLE §11: which module may use which, internals
 * that stay internal, no console output or generic exceptions in libraries, no package cycles,
 * and {@code module-info} descriptors that agree with {@code META-INF/services}.
 *
 * <p>The samples module depends on every other module, so its test class path holds all of
 * dapkit's main classes; test classes are not imported. Rules about modules that have no
 * classes yet allow an empty selection; the model's rules do not, so they cannot pass vacuously.
 */
class ArchitectureTest {

    private static final String DAPKIT = "dev.dapkit..";
    private static final String SAMPLES = DapkitModule.SAMPLES.packages();
    private static final String SERVER_SPI = "dev.dapkit.server.spi..";

    private static JavaClasses dapkit;
    private static List<ModuleImage> modules;

    @BeforeAll
    static void importDapkit() throws IOException {
        dapkit = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dapkit");
        modules = ModuleImage.dapkitModules(ArchitectureTest.class.getClassLoader());
    }

    // ---- who may use whom (DESIGN §1) ----------------------------------------------------------

    /** Classes of {@code module} depend on no dapkit package outside its own and {@code allowed}. */
    static ArchRule mayOnlyUse(DapkitModule module, String... allowed) {
        List<String> packages = new ArrayList<>(Arrays.asList(allowed));
        packages.add(module.packages());
        return classes().that().resideInAPackage(module.packages())
                .should().onlyDependOnClassesThat(
                        resideOutsideOfPackage(DAPKIT).or(resideInAnyPackage(packages.toArray(String[]::new))))
                .as(module.moduleName() + " uses no dapkit package but its own and " + Arrays.toString(allowed))
                .allowEmptyShould(module != DapkitModule.MODEL);
    }

    static final ArchRule TARGETS_SEE_ONLY_THE_SERVER_SPI = noClasses()
            .that().resideInAPackage("dev.dapkit.target..")
            .should().dependOnClassesThat(resideInAPackage("dev.dapkit.server..").and(resideOutsideOfPackage(SERVER_SPI)))
            .as("targets use nothing of the server but " + SERVER_SPI)
            .allowEmptyShould(true);

    static final ArchRule NOTHING_DEPENDS_ON_SAMPLES = noClasses()
            .that().resideOutsideOfPackage(SAMPLES)
            .should().dependOnClassesThat().resideInAPackage(SAMPLES)
            .as("nothing outside the samples depends on the samples");

    /**
     * No class uses another module's {@code ..internal..} packages, unless that module exports
     * the package to the user's module ({@code exports … to}, which DESIGN §1 allows for siblings).
     */
    static ArchRule noForeignInternals(Map<String, Set<String>> qualifiedExports) {
        return classes().that().resideInAPackage(DAPKIT)
                .should(new ArchCondition<JavaClass>("use no other module's internal packages unless exported to them") {
                    @Override
                    public void check(JavaClass user, ConditionEvents events) {
                        Optional<DapkitModule> userModule = DapkitModule.owning(user.getPackageName());
                        for (Dependency dependency : user.getDirectDependenciesFromSelf()) {
                            String used = dependency.getTargetClass().getPackageName();
                            Optional<DapkitModule> owner = DapkitModule.owning(used);
                            boolean foreignInternal = isInternal(used) && owner.isPresent() && !owner.equals(userModule);
                            boolean exportedToUser = userModule.isPresent() && qualifiedExports
                                    .getOrDefault(used, Set.of()).contains(userModule.get().moduleName());
                            if (foreignInternal && !exportedToUser) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                });
    }

    @Test
    void modelUsesNoOtherDapkitModule() {
        assertTrue(dapkit.contain("dev.dapkit.model.DapMessage"),
                "the model's classes were not imported; the rules below would check nothing");
        mayOnlyUse(DapkitModule.MODEL).check(dapkit);
    }

    @Test
    void enginesAndTransportsUseOnlyWhatDesignAllows() {
        String model = DapkitModule.MODEL.packages();
        mayOnlyUse(DapkitModule.SERVER, model).check(dapkit);
        mayOnlyUse(DapkitModule.CLIENT, model).check(dapkit);
        mayOnlyUse(DapkitModule.TRANSPORT_TCP, model).check(dapkit);
        mayOnlyUse(DapkitModule.TRANSPORT_TLS, model, DapkitModule.TRANSPORT_TCP.packages()).check(dapkit);
        mayOnlyUse(DapkitModule.TRANSPORT_SERIAL, model).check(dapkit);
    }

    @Test
    void targetsAndTestkitUseOnlyWhatDesignAllows() {
        String model = DapkitModule.MODEL.packages();
        TARGETS_SEE_ONLY_THE_SERVER_SPI.check(dapkit);
        mayOnlyUse(DapkitModule.TARGET_JVM, model, SERVER_SPI).check(dapkit);
        mayOnlyUse(DapkitModule.TARGET_MICROPYTHON, model, SERVER_SPI,
                DapkitModule.TRANSPORT_TCP.packages(), DapkitModule.TRANSPORT_SERIAL.packages()).check(dapkit);
        mayOnlyUse(DapkitModule.TESTKIT, model,
                DapkitModule.SERVER.packages(), DapkitModule.CLIENT.packages()).check(dapkit);
    }

    @Test
    void nothingDependsOnSamples() {
        NOTHING_DEPENDS_ON_SAMPLES.check(dapkit);
    }

    @Test
    void internalsStayInsideTheirModule() {
        noForeignInternals(ModuleImage.qualifiedExports(modules)).check(dapkit);
    }

    // ---- library hygiene (DESIGN §1, STYLE §11, §12) ----------------------------------------------

    static final ArchRule LIBRARIES_DO_NOT_USE_STANDARD_STREAMS = noClasses()
            .that().resideOutsideOfPackage(SAMPLES)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("stdout may be the DAP channel; libraries log through SLF4J");

    static final ArchRule LIBRARIES_THROW_NO_GENERIC_EXCEPTIONS = noClasses()
            .that().resideOutsideOfPackage(SAMPLES)
            .should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS)
            .orShould().callConstructorWhere(target(owner(assignableTo(UnsupportedOperationException.class))))
            .because("an error says what happened; an unsupported request gets a DAP error, not an exception");

    static final ArchRule LIBRARIES_LOG_THROUGH_SLF4J_API_ONLY = noClasses()
            .that().resideOutsideOfPackage(SAMPLES)
            .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
            .orShould().dependOnClassesThat().resideInAnyPackage(
                    "org.slf4j.simple..", "ch.qos.logback..", "org.apache.logging.log4j..", "org.apache.commons.logging..")
            .because("libraries log through SLF4J's API; the application chooses the binding");

    static final ArchRule NO_CATCH_ALL_NAMES = noClasses()
            .should().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Manager")
            .because("names say what a thing is (STYLE §12)");

    /*
     * A public factory that builds an internal implementation of a public interface (a builder's
     * build(), StreamConnections.of) ties each API package to its internal package both ways, as
     * in JUnit and grpc. So the published packages must be free of cycles among themselves, and
     * the internal packages among themselves; the API-to-internal edge is the one allowed loop.
     */
    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching("dev.dapkit.(**)")
            .namingSlices("package dev.dapkit.$1")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("..internal.."), resideOutsideOfPackage("..internal.."))
            .ignoreDependency(resideOutsideOfPackage("..internal.."), resideInAPackage("..internal.."));

    @Test
    void librariesDoNotWriteToStandardStreams() {
        LIBRARIES_DO_NOT_USE_STANDARD_STREAMS.check(dapkit);
    }

    @Test
    void librariesThrowNoGenericExceptions() {
        LIBRARIES_THROW_NO_GENERIC_EXCEPTIONS.check(dapkit);
    }

    @Test
    void librariesLogThroughSlf4jApiOnly() {
        LIBRARIES_LOG_THROUGH_SLF4J_API_ONLY.check(dapkit);
    }

    @Test
    void noUtilHelperOrManagerClasses() {
        NO_CATCH_ALL_NAMES.check(dapkit);
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(dapkit);
    }

    // ---- module descriptors (DESIGN §1, STYLE §1) -------------------------------------------------

    @Test
    void everyDapkitModuleIsFound() {
        Set<String> expected = Arrays.stream(DapkitModule.values()).map(DapkitModule::moduleName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> found = modules.stream().map(m -> m.descriptor().name())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, found, () -> "module-info.class found on the test class path: " + locations());
        assertEquals(expected.size(), modules.size(), () -> "a module is on the class path twice: " + locations());
    }

    @Test
    void everyModuleHoldsOnlyItsOwnPackages() {
        List<String> problems = new ArrayList<>();
        for (ModuleImage image : modules) {
            String name = image.descriptor().name();
            Optional<DapkitModule> module = DapkitModule.named(name);
            for (String pkg : image.descriptor().packages()) {
                if (module.isEmpty() || !module.get().owns(pkg)) {
                    problems.add(name + " (" + image.location() + ") holds package " + pkg
                            + ", which is outside its package root " + name);
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void noModuleExportsInternalOrUtilPackagesToEveryone() {
        List<String> problems = new ArrayList<>();
        for (ModuleImage image : modules) {
            for (ModuleDescriptor.Exports export : image.descriptor().exports()) {
                if (isInternal(export.source()) && !export.isQualified()) {
                    problems.add(image.descriptor().name() + " exports " + export.source()
                            + " to everyone; export internals only to named siblings (exports ... to ...)");
                }
                if (export.source().endsWith(".util") || export.source().endsWith(".utils")) {
                    problems.add(image.descriptor().name() + " exports a util package: " + export.source());
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void providesMatchesMetaInfServices() {
        List<String> problems = new ArrayList<>();
        modules.forEach(image -> problems.addAll(image.servicesMismatches()));
        assertNoProblems(problems);
    }

    @Test
    void providersImplementTheirServices() {
        List<String> problems = new ArrayList<>();
        modules.forEach(image -> problems.addAll(image.providerProblems(ArchitectureTest.class.getClassLoader())));
        assertNoProblems(problems);
    }

    @Test
    void modulesThatLoadServicesDeclareUses() {
        Map<String, ModuleDescriptor> byName = new HashMap<>();
        modules.forEach(m -> byName.put(m.descriptor().name(), m.descriptor()));
        List<String> problems = new ArrayList<>();
        for (JavaClass type : dapkit) {
            for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
                if (!call.getTargetOwner().isEquivalentTo(ServiceLoader.class)
                        || !call.getName().startsWith("load")) {
                    continue;
                }
                Optional<DapkitModule> module = DapkitModule.owning(type.getPackageName());
                ModuleDescriptor descriptor = module.map(m -> byName.get(m.moduleName())).orElse(null);
                if (descriptor == null || descriptor.uses().isEmpty()) {
                    problems.add(call.getDescription() + ", but module "
                            + module.map(DapkitModule::moduleName).orElse("(none)")
                            + " declares no 'uses': ServiceLoader finds nothing on the module path");
                }
            }
        }
        assertNoProblems(problems);
    }

    // ---- the rules can fail ---------------------------------------------------------------------

    /** Each rule, run against fixture classes from the test sources, reports the bad one only. */
    @Nested
    class RulesCatchViolations {

        private static final String USING_SERVER_INTERNALS = "dev.dapkit.target.fake.FakeTargetUsingServerInternals";
        private static final String USING_SPI = "dev.dapkit.target.fake.FakeTargetUsingSpi";
        private static final String PRINTING = "dev.dapkit.target.fake.FakeTargetPrinting";
        private static final String REFUSING = "dev.dapkit.target.fake.FakeTargetRefusing";
        private static final String TLS_USING_TCP_INTERNALS = "dev.dapkit.transport.tls.FakeTlsUsingTcpInternals";

        private final JavaClasses fixtures = ArchFixtures.compile(USING_SERVER_INTERNALS, USING_SPI, PRINTING,
                REFUSING, "dev.dapkit.server.internal.FakeSessionState", "dev.dapkit.server.spi.FakeTargetSpi");

        @Test
        void targetUsingServerInternalsBreaksTheSpiRule() {
            EvaluationResult result = TARGETS_SEE_ONLY_THE_SERVER_SPI.evaluate(fixtures);

            assertTrue(result.hasViolation(), "a target using dev.dapkit.server.internal passed");
            assertReportNames(result, USING_SERVER_INTERNALS);
            assertReportOmits(result, USING_SPI);
        }

        @Test
        void targetUsingServerInternalsBreaksTheInternalsRule() {
            EvaluationResult result = noForeignInternals(Map.of()).evaluate(fixtures);

            assertTrue(result.hasViolation(), "a use of another module's internal package passed");
            assertReportNames(result, USING_SERVER_INTERNALS);
            assertReportOmits(result, USING_SPI);
        }

        @Test
        void internalsAreAllowedOnlyWhereExportedToTheUsersModule() {
            JavaClasses tlsUsingTcpInternals = ArchFixtures.compile(TLS_USING_TCP_INTERNALS,
                    "dev.dapkit.transport.tcp.internal.FakeTcpPipeline");
            Map<String, Set<String>> exportedToTls =
                    Map.of("dev.dapkit.transport.tcp.internal", Set.of("dev.dapkit.transport.tls"));
            Map<String, Set<String>> exportedToClient =
                    Map.of("dev.dapkit.transport.tcp.internal", Set.of("dev.dapkit.client"));

            EvaluationResult notExported = noForeignInternals(Map.of()).evaluate(tlsUsingTcpInternals);
            assertTrue(notExported.hasViolation(), "transport-tls used a tcp internal that is not exported to it");
            assertReportNames(notExported, TLS_USING_TCP_INTERNALS);
            assertTrue(noForeignInternals(exportedToClient).evaluate(tlsUsingTcpInternals).hasViolation(),
                    "an export to another module excused transport-tls");
            assertFalse(noForeignInternals(exportedToTls).evaluate(tlsUsingTcpInternals).hasViolation(),
                    "'exports dev.dapkit.transport.tcp.internal to dev.dapkit.transport.tls' was not honoured");
        }

        @Test
        void libraryPrintingToStdoutBreaksTheStreamsRule() {
            EvaluationResult result = LIBRARIES_DO_NOT_USE_STANDARD_STREAMS.evaluate(fixtures);

            assertTrue(result.hasViolation(), "a library class calling System.out passed");
            assertReportNames(result, PRINTING);
            assertReportOmits(result, USING_SPI);
        }

        @Test
        void libraryThrowingUnsupportedOperationBreaksTheExceptionsRule() {
            EvaluationResult result = LIBRARIES_THROW_NO_GENERIC_EXCEPTIONS.evaluate(fixtures);

            assertTrue(result.hasViolation(), "a library class throwing UnsupportedOperationException passed");
            assertReportNames(result, REFUSING);
            assertReportOmits(result, PRINTING);
        }

        private void assertReportNames(EvaluationResult result, String offender) {
            String report = String.join("\n", result.getFailureReport().getDetails());
            assertTrue(report.contains(offender), () -> "report does not name " + offender + ":\n" + report);
        }

        private void assertReportOmits(EvaluationResult result, String innocent) {
            String report = String.join("\n", result.getFailureReport().getDetails());
            assertFalse(report.contains(innocent + ">") || report.contains(innocent + "."),
                    () -> "report blames " + innocent + ":\n" + report);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static boolean isInternal(String packageName) {
        return ("." + packageName + ".").contains(".internal.");
    }

    private static String locations() {
        return modules.stream().map(m -> m.descriptor().name() + " at " + m.location())
                .collect(Collectors.joining(", "));
    }

    private static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }
}
