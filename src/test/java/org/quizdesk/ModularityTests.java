package org.quizdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.quizdesk.modularityfixture.FixtureApplication;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * Fails the build on cycles between feature packages or on reaching into another feature's internals. A feature's
 * base package is its API; its sub-packages (its {@code internal} package with the entities and repositories) are
 * private to it.
 */
class ModularityTests {

    @Test
    void featurePackagesRespectTheirBoundaries() {
        ApplicationModules.of(QuizdeskApplication.class).verify();
    }

    /** So that no other feature can use a table of a feature directly: only through its API. */
    @Test
    void everyEntityAndRepositoryIsInternalToItsFeature() {
        classes().that().areAnnotatedWith(Entity.class).or().areAssignableTo(Repository.class)
                .should().resideInAPackage("org.quizdesk.*.internal..")
                .because("a feature's tables are its own; other features use its API")
                .check(new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                        .importPackages("org.quizdesk"));
    }

    /** The test of the test: a fixture whose billing module imports a class of orders' internal package. */
    @Test
    void aModuleUsingAnotherModulesInternalClassIsRejected() {
        ApplicationModules fixture = ApplicationModules.of(FixtureApplication.class, new ImportOption.OnlyIncludeTests());
        assertThatThrownBy(fixture::verify).isInstanceOf(Violations.class)
                .hasMessageContaining("billing").hasMessageContaining("OrderLine");
    }
}
