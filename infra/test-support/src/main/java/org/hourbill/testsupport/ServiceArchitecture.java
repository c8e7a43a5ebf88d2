package org.hourbill.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service follows, as ArchUnit rules a service's test includes with
 * {@code @ArchTest static final ArchTests rules = ArchTests.in(ServiceArchitecture.class);}: the domain is plain Java
 * (mapping annotations aside), and the application layer knows its ports, never the adapters behind them.
 */
public final class ServiceArchitecture {
    private ServiceArchitecture() {
    }

    @ArchTest
    public static final ArchRule domain_is_free_of_frameworks = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "tools.jackson..", "..adapter..", "..application..", "org.hourbill.platform.outbox..",
                    "org.hourbill.platform.messaging..", "org.hourbill.platform.web..");

    @ArchTest
    public static final ArchRule application_does_not_know_adapters = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "org.apache.kafka..", "org.springframework.web..",
                    "org.springframework.jdbc..");
}
