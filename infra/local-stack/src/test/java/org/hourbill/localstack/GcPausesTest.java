package org.hourbill.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcPausesTest {
    private static final Instant JVM_START = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void sumsThePausesOfTheWindowByKindAndCause() throws Exception {
        Path log = dir.resolve("billing-service-gc.log");
        Files.writeString(log, """
                [1.204s] Using Serial
                [5.000s] GC(0) Pause Young (Allocation Failure) 21M->9M(77M) 40.000ms
                [12.500s] GC(1) Pause Young (Allocation Failure) 30M->12M(77M) 12.250ms
                [13.000s] GC(2) Pause Full (CodeCache GC Threshold) 57M->49M(77M) 512.084ms
                [14.000s] GC(3) Pause Young (Allocation Failure) 31M->13M(77M) 7.750ms
                [15.000s] GC(4) Pause Full (CodeCache GC Threshold) 50M->40M(77M) 300.000ms
                [16.000s] GC(5) Pause Full (Allocation Failure) 74M->55M(77M) 100.000ms
                [30.000s] GC(6) Pause Full (Allocation Failure) 74M->55M(77M) 999.000ms
                """);

        String summary = GcPauses.summary(log, JVM_START, JVM_START.plusSeconds(10), JVM_START.plusSeconds(20));

        assertThat(summary).isEqualTo("full (Allocation Failure): 1, 100 ms, longest 100 ms; "
                + "full (CodeCache GC Threshold): 2, 812 ms, longest 512 ms; young: 2, 20 ms, longest 12 ms");
    }

    @Test
    void saysSoWhenTheWindowHasNoPauseOrThereIsNoLog() {
        assertThat(GcPauses.summary(dir.resolve("missing.log"), JVM_START, JVM_START, JVM_START.plusSeconds(1)))
                .startsWith("no GC log");
    }
}
