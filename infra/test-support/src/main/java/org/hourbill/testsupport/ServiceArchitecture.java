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

    /** Today comes from the injected {@code java.time.Clock}, so every rule can be tested on any date (and demoed on a fixed one). */
    @ArchTest
    public static final ArchRule today_comes_from_the_injected_clock = noClasses()
            .should().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.time.ZonedDateTime.class, "now")
            .orShould().callMethod(java.time.OffsetDateTime.class, "now")
            .orShould().callMethod(java.time.YearMonth.class, "now")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .because("a rule that reads the wall clock passes today and fails on another date");

    @ArchTest
    public static final ArchRule application_does_not_know_adapters = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "org.apache.kafka..", "org.springframework.web..",
                    "org.springframework.jdbc..");
}
