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
    void sumsThePausesOfTheWindowAndTheCollectorsCpuInThemByKindAndCause() throws Exception {
        Path log = dir.resolve("billing-service-gc.log");
        Files.writeString(log, """
                [2026-11-22T10:00:01.204+0000][1.204s] Using Serial
                [2026-11-22T10:00:05.000+0000][5.000s] GC(0) Pause Young (Allocation Failure) 21M->9M(77M) 40.000ms
                [2026-11-22T10:00:05.001+0000][5.001s] GC(0) User=0.03s Sys=0.00s Real=0.04s
                [2026-11-22T10:00:12.500+0000][12.500s] GC(1) Pause Young (Allocation Failure) 30M->12M(77M) 12.250ms
                [2026-11-22T10:00:12.501+0000][12.501s] GC(1) User=0.01s Sys=0.00s Real=0.01s
                [2026-11-22T10:00:13.000+0000][13.000s] GC(2) Pause Full (CodeCache GC Threshold) 57M->49M(77M) 512.084ms
                [2026-11-22T10:00:13.001+0000][13.001s] GC(2) User=0.10s Sys=0.01s Real=0.51s
                [2026-11-22T10:00:14.000+0000][14.000s] GC(3) Pause Young (Allocation Failure) 31M->13M(77M) 7.750ms
                [2026-11-22T10:00:14.001+0000][14.001s] GC(3) User=0.00s Sys=0.01s Real=0.01s
                [2026-11-22T10:00:15.000+0000][15.000s] GC(4) Pause Full (CodeCache GC Threshold) 50M->40M(77M) 300.000ms
                [2026-11-22T10:00:15.001+0000][15.001s] GC(4) User=0.09s Sys=0.00s Real=0.30s
                [2026-11-22T10:00:16.000+0000][16.000s] GC(5) Pause Full (Allocation Failure) 74M->55M(77M) 100.000ms
                [2026-11-22T10:00:16.001+0000][16.001s] GC(5) User=0.08s Sys=0.02s Real=0.10s
                [2026-11-22T10:00:30.000+0000][30.000s] GC(6) Pause Full (Allocation Failure) 74M->55M(77M) 999.000ms
                [2026-11-22T10:00:30.001+0000][30.001s] GC(6) User=0.90s Sys=0.00s Real=1.00s
                """);

        String summary = GcPauses.summary(log, JVM_START, JVM_START.plusSeconds(10), JVM_START.plusSeconds(20));

        assertThat(summary).isEqualTo("full (Allocation Failure): 1, 100 ms (collector CPU 100 ms), longest 100 ms; "
                + "full (CodeCache GC Threshold): 2, 812 ms (collector CPU 200 ms), longest 512 ms; "
                + "young: 2, 20 ms (collector CPU 20 ms), longest 12 ms");
    }

    @Test
    void saysSoWhenTheWindowHasNoPauseOrThereIsNoLog() {
        assertThat(GcPauses.summary(dir.resolve("missing.log"), JVM_START, JVM_START, JVM_START.plusSeconds(1)))
                .startsWith("no GC log");
    }
}
