package org.hourbill.timesheet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain is plain Java (JPA mapping annotations aside): no Spring, no Kafka, no web, no adapters. ArchUnit
 * asserts each rule on every build and fails it, naming the offending class, when one is broken.
 */
@AnalyzeClasses(packages = "org.hourbill.timesheet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule domain_is_free_of_frameworks = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "tools.jackson..", "..adapter..", "..application..", "org.hourbill.platform.outbox..",
                    "org.hourbill.platform.messaging..", "org.hourbill.platform.web..");

    @ArchTest
    static final ArchRule application_does_not_know_adapters = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "org.apache.kafka..");
}
