package com.bffaccounting.gate.build;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers README's Layout describes, kept by ArchUnit on the compiled production classes (everything but
 * the tests, the self-tests and the benchmarks, which may reach anywhere): no package is part of a cycle,
 * each layer is used only from above, and only the sim builder composes the simulator.
 */
class ArchitectureTest {
    private static final String ROOT = "com.bffaccounting.gate";
    /** The plain clients and checks: each speaks to one thing (the cluster, Helm, the BFF, Prometheus, …). */
    private static final String[] CLIENTS = {ROOT + ".kube..", ROOT + ".helm..", ROOT + ".http..", ROOT + ".gating..",
            ROOT + ".metrics..", ROOT + ".sync..", ROOT + ".logs..", ROOT + ".registry..", ROOT + ".prometheus..", ROOT + ".local..",
            ROOT + ".ci.."};
    /** What everything may use: the outcome vocabulary, the model, the settings, waits, files, evidence, the checklist. */
    private static final String[] FOUNDATION = {ROOT + ".outcome..", ROOT + ".model..", ROOT + ".config..", ROOT + ".waits..",
            ROOT + ".io..", ROOT + ".evidence..", ROOT + ".checklist.."};

    private static JavaClasses production;

    /** Tests (…Test, …IT, and the classes nested in them), the self-tests and the benchmarks are not production. */
    static final class ProductionOnly implements ImportOption {
        private static final Pattern NOT_PRODUCTION = Pattern.compile(
                ".*/com/bffaccounting/gate/((selftest|bench|build)/.*|.*(Test|IT)(\\$.*)?\\.class|[^/]*\\.class)$");

        @Override
        public boolean includes(Location location) {
            return !location.matches(NOT_PRODUCTION);
        }
    }

    @BeforeAll
    static void importProduction() throws URISyntaxException {
        // this project's compiled classes only: scanning every jar of the class path for the package costs seconds
        production = new ClassFileImporter().withImportOption(new ProductionOnly()).importPath(Path.of(
                ArchitectureTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve(ROOT.replace('.', '/')));
        // the rules judge the production classes, not an empty or a test-laden set
        assertThat(production.stream().map(c -> c.getSimpleName())).hasSizeGreaterThan(150).contains("SimTargets", "VerdictPlugin")
                .noneMatch(name -> name.endsWith("Test") || name.endsWith("IT")).doesNotContain("FeatureRun");
    }

    @Test
    void noPackageIsPartOfACycle() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void eachLayerIsUsedOnlyFromAbove() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Glue").definedBy(ROOT + ".steps..")
                .layer("Run").definedBy(ROOT + ".run..")
                .layer("Composition").definedBy(ROOT + ".sut..")
                .layer("Simulator").definedBy(ROOT + ".sim..")
                .layer("Report").definedBy(ROOT + ".report..")
                .layer("Clients").definedBy(CLIENTS)
                .layer("Foundation").definedBy(FOUNDATION)
                .whereLayer("Glue").mayNotBeAccessedByAnyLayer()
                .whereLayer("Run").mayOnlyBeAccessedByLayers("Glue")
                .whereLayer("Composition").mayOnlyBeAccessedByLayers("Glue", "Run")
                .whereLayer("Simulator").mayOnlyBeAccessedByLayers("Composition")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Run", "Glue")
                .whereLayer("Clients").mayOnlyBeAccessedByLayers("Glue", "Run", "Composition", "Simulator", "Report")
                .check(production);
    }

    @Test
    void theFoundationDependsOnNothingAboveIt() {
        noClasses().that().resideInAnyPackage(FOUNDATION).should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".steps..", ROOT + ".run..", ROOT + ".sut..", ROOT + ".sim..", ROOT + ".report..")
                .check(production);
    }

    /**
     * A file a newcomer can read in one sitting, each doing one job. The Prometheus text-format reader is the
     * exception: one grammar, written by hand because no library reads it.
     */
    @Test
    void noProductionFileButTheTextFormatReaderIsOver250Lines() throws IOException {
        Path sources = Path.of("src/test/java", ROOT.replace('.', '/'));
        Pattern notProduction = Pattern.compile(".*/(selftest|bench|build)/.*|.*(Test|IT)\\.java");
        Map<String, Integer> tooLong;
        try (Stream<Path> files = Files.walk(sources)) {
            tooLong = files.filter(f -> f.toString().endsWith(".java") && !notProduction.matcher(f.toString()).matches())
                    .filter(f -> !f.getFileName().toString().equals("PrometheusTextParser.java"))
                    .collect(Collectors.toMap(f -> sources.relativize(f).toString(), ArchitectureTest::lines))
                    .entrySet().stream().filter(e -> e.getValue() > 250)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
        assertThat(tooLong).as("production files over 250 lines").isEmpty();
    }

    private static int lines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void onlyTheSimBuilderComposesTheSimulator() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".sim..").and().doNotHaveSimpleName("SimTargets")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".sim..")
                .check(production);
    }
}
