package org.hourbill.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector's pauses of one service JVM between two instants, read from its GC log ({@link #logOption}): every
 * pause stops the requests and consumers of that service, so long ones show up directly in the saga's p99.
 */
final class GcPauses {
    // [12.345s] GC(7) Pause Full (CodeCache GC Threshold) 57M->49M(77M) 512.084ms
    private static final Pattern PAUSE = Pattern.compile("\\[([\\d.]+)s].*Pause (Young|Full) \\(([^)]+)\\).* ([\\d.]+)ms");

    private GcPauses() {
    }

    /** The JVM option that writes the log this class reads. */
    static String logOption(Path file) {
        return "-Xlog:gc:file=" + file + ":uptime";
    }

    /** One line per kind of pause: how many, their sum and the longest, by cause for full collections. */
    static String summary(Path log, Instant jvmStart, Instant from, Instant to) {
        Map<String, Tally> byKind = new TreeMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            return "no GC log (" + e.getMessage() + ")";
        }
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (!m.find()) continue;
            Instant at = jvmStart.plusMillis((long) (Double.parseDouble(m.group(1)) * 1000));
            if (at.isBefore(from) || at.isAfter(to)) continue;
            String kind = m.group(2).equals("Young") ? "young" : "full (" + m.group(3) + ")";
            double ms = Double.parseDouble(m.group(4));
            byKind.merge(kind, new Tally(1, ms, ms), Tally::plus);
        }
        if (byKind.isEmpty()) return "no pauses";
        StringBuilder text = new StringBuilder();
        byKind.forEach((kind, t) -> text.append(String.format("%s%s: %d, %.0f ms, longest %.0f ms", text.isEmpty() ? "" : "; ",
                kind, t.count(), t.totalMs(), t.longestMs())));
        return text.toString();
    }

    private record Tally(int count, double totalMs, double longestMs) {
        Tally plus(Tally other) {
            return new Tally(count + other.count, totalMs + other.totalMs, Math.max(longestMs, other.longestMs));
        }
    }
}
