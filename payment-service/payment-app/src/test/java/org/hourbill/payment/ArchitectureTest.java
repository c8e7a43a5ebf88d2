package org.hourbill.payment;

import org.hourbill.testsupport.ServiceArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** The domain is plain Java and the application layer never reaches into adapters; each broken rule fails the build. */
@AnalyzeClasses(packages = "org.hourbill.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests layering = ArchTests.in(ServiceArchitecture.class);
}
