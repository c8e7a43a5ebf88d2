package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The suite passes on any date: services read today from their injected clock (each service's ArchitectureTest),
 * which tests start on {@code TestClock.START}; tests themselves take today from {@code TestClock}, never from the
 * wall clock. This scans every module's test sources for the calls that would break that.
 */
class TestsOnAnyDateTest {
    private static final Pattern WALL_CLOCK_DATE = Pattern.compile(
            "\\b(LocalDate|LocalDateTime|ZonedDateTime|OffsetDateTime|YearMonth|Year)\\.now\\(\\s*\\)|new (java\\.util\\.)?Date\\(\\s*\\)");

    @Test
    void no_test_takes_today_from_the_wall_clock() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        try (Stream<Path> files = Files.walk(root)) {
            List<String> offenders = files
                    .filter(p -> p.toString().endsWith(".java") && !p.toString().contains("node_modules")
                            && (p.toString().contains("/src/test/") || p.toString().contains("/test-support/src/main/")))
                    .flatMap(TestsOnAnyDateTest::wallClockReads).toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void the_scan_recognises_a_wall_clock_date() {
        String call = "LocalDate" + ".now(";
        assertThat(WALL_CLOCK_DATE.matcher("LocalDate today = " + call + ");").find()).isTrue();
        assertThat(WALL_CLOCK_DATE.matcher("LocalDate today = " + call + "clock);").find()).isFalse();
    }

    private static boolean isComment(String line) {
        String code = line.strip();
        return code.startsWith("*") || code.startsWith("//") || code.startsWith("/*");
    }

    private static Stream<String> wallClockReads(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> !isComment(lines.get(i)) && WALL_CLOCK_DATE.matcher(lines.get(i)).find())
                    .mapToObj(i -> file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
