package architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;

@AnalyzeClasses(packages = {"domain", "usecase", "adapters"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdk = classes()
            .that().resideInAPackage("domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "domain..")
            .because("the domain (ECG model, analyzers, account rules) must stay plain Java, "
                    + "testable and reusable without any framework, database or JSON library");

    @ArchTest
    static final ArchRule useCasesDoNotDependOnAdapters = noClasses()
            .that().resideInAPackage("usecase..")
            .should().dependOnClassesThat().resideInAPackage("adapters..")
            .because("use cases talk to the outside world only through the ports in usecase.port, "
                    + "so that a technology can be swapped without touching them");

    @ArchTest
    static final ArchRule useCasesUseNoFrameworkBeyondInjectionAndTransactions = classes()
            .that().resideInAPackage("usecase..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "domain..", "usecase..",
                    "jakarta.inject..", "jakarta.enterprise..", "jakarta.transaction..")
            .because("use cases may be wired by CDI and demarcate transactions, "
                    + "but must know nothing of Quarkus, Hibernate or HTTP");

    @ArchTest
    static final ArchRule onionLayers = onionArchitecture()
            .domainModels("domain..")
            .applicationServices("usecase..")
            .adapter("rest", "adapters.rest..")
            .adapter("websocket", "adapters.websocket..")
            .adapter("grpc", "adapters.grpc..")
            .adapter("persistence", "adapters.persistence..")
            .adapter("messaging", "adapters.messaging..")
            .adapter("security", "adapters.security..")
            .adapter("config", "adapters.config..")
            .adapter("http", "adapters.http..")
            .adapter("lifecycle", "adapters.lifecycle..")
            .adapter("fileformat", "adapters.fileformat..")
            .adapter("metrics", "adapters.metrics..")
            // The domain has no separate domain-service layer: its analyzers are part of the model.
            .withOptionalLayers(true)
            // adapters.config holds the shared @ConfigMapping and Clock producer every adapter reads;
            // adapters.http the shared HTTP edge (caller, problem shape, failure classes) of the transports.
            .ignoreDependency(resideInAPackage("adapters.."), resideInAPackage("adapters.config.."))
            .ignoreDependency(resideInAPackage("adapters.."), resideInAPackage("adapters.http.."))
            // adapters.config makes the plain-Java file formats beans (they may not know CDI themselves).
            .ignoreDependency(resideInAPackage("adapters.config.."), resideInAPackage("adapters.fileformat.."))
            .ensureAllClassesAreContainedInArchitecture()
            .because("dependencies point inwards: adapters use use cases, use cases use the domain, "
                    + "and one adapter never reaches into another adapter's technology");

    @ArchTest
    static final ArchRule adapterPackagesAreFreeOfCycles = slices()
            .matching("adapters.(*)..")
            .should().beFreeOfCycles()
            .because("adapters that depend on each other in a circle can no longer be understood, "
                    + "replaced or tested one at a time");

    @ArchTest
    static final ArchRule fileFormatsArePlainJava = classes()
            .that().resideInAPackage("adapters.fileformat..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "domain..", "usecase.port..",
                    "adapters.fileformat..", "com.fasterxml.jackson.core..")
            .because("the WFDB and CSV readers and the archive format are reused outside the HTTP stack (unit "
                    + "tests, benchmarks on files), so they must need neither Quarkus nor CDI nor a transport "
                    + "around them; the archive streams JSON with Jackson's parser, a library, not a framework");

    @ArchTest
    static final ArchRule transportsDoNotReachIntoFileFormats = noClasses()
            .that().resideInAPackage("adapters.rest..")
            .should().dependOnClassesThat().resideInAPackage("adapters.fileformat..")
            .because("a transport turns its request into a use-case command; which reader reads a file, and how "
                    + "an archive is laid out, is decided behind the use cases' ports");

    @ArchTest
    static final ArchRule jpaEntitiesLiveInThePersistenceAdapter = classes()
            .that().areAnnotatedWith(Entity.class)
            .should().resideInAPackage("adapters.persistence..")
            .because("JPA entities are a storage detail, mapped explicitly to and from domain objects "
                    + "inside the persistence adapter");

    @ArchTest
    static final ArchRule restResourcesLiveInTheRestAdapter = classes()
            .that().areAnnotatedWith(Path.class)
            .should().resideInAPackage("adapters.rest..")
            .because("HTTP endpoints belong to the REST adapter, which alone maps JSON to use-case commands");

    @ArchTest
    static final ArchRule onlyTheMessagingAdapterTouchesReactiveMessaging = noClasses()
            .that().resideOutsideOfPackage("adapters.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.eclipse.microprofile.reactive.messaging..", "io.smallrye.reactive.messaging..")
            .because("use cases hand work and events to ports; which channel, connector or broker carries them, "
                    + "and when an Emitter sends (after the commit), is the messaging adapter's business alone");
}
