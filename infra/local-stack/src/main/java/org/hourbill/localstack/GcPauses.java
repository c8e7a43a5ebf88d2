package org.hourbill.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
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
    // [2026-12-04T14:00:05.956+0000][12.345s] GC(7) Pause Full (CodeCache GC Threshold) 57M->49M(77M) 512.084ms
    private static final Pattern PAUSE = Pattern.compile("\\[([\\d.]+)s] GC\\((\\d+)\\) Pause (Young|Full) \\(([^)]+)\\).* ([\\d.]+)ms");
    // [2026-12-04T14:00:05.957+0000][12.346s] GC(7) User=0.02s Sys=0.00s Real=0.07s
    private static final Pattern CPU = Pattern.compile("GC\\((\\d+)\\) User=([\\d.]+)s Sys=([\\d.]+)s Real");

    private GcPauses() {
    }

    /** The JVM option that writes the log this class reads, with the collector's CPU time of each pause. */
    static String logOption(Path file) {
        return "-Xlog:gc,gc+cpu:file=" + file + ":time,uptime";
    }

    /**
     * One line per kind of pause: how many, their sum, the collector's CPU in them and the longest, by cause for full
     * collections. A sum far above its CPU is a collector waiting for a core, not working.
     */
    static String summary(Path log, Instant jvmStart, Instant from, Instant to) {
        Map<String, Tally> byKind = new TreeMap<>();
        Map<String, String> kindOfPause = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            return "no GC log (" + e.getMessage() + ")";
        }
        for (String line : lines) {
            Matcher cpu = CPU.matcher(line);
            if (cpu.find()) {
                String kind = kindOfPause.remove(cpu.group(1));
                double ms = (Double.parseDouble(cpu.group(2)) + Double.parseDouble(cpu.group(3))) * 1000;
                if (kind != null) byKind.merge(kind, new Tally(0, 0, ms, 0), Tally::plus);
                continue;
            }
            Matcher m = PAUSE.matcher(line);
            if (!m.find()) continue;
            Instant at = jvmStart.plusMillis((long) (Double.parseDouble(m.group(1)) * 1000));
            if (at.isBefore(from) || at.isAfter(to)) continue;
            String kind = m.group(3).equals("Young") ? "young" : "full (" + m.group(4) + ")";
            kindOfPause.put(m.group(2), kind);
            double ms = Double.parseDouble(m.group(5));
            byKind.merge(kind, new Tally(1, ms, 0, ms), Tally::plus);
        }
        if (byKind.isEmpty()) return "no pauses";
        StringBuilder text = new StringBuilder();
        byKind.forEach((kind, t) -> text.append(String.format("%s%s: %d, %.0f ms (collector CPU %.0f ms), longest %.0f ms",
                text.isEmpty() ? "" : "; ", kind, t.count(), t.totalMs(), t.cpuMs(), t.longestMs())));
        return text.toString();
    }

    private record Tally(int count, double totalMs, double cpuMs, double longestMs) {
        Tally plus(Tally other) {
            return new Tally(count + other.count, totalMs + other.totalMs, cpuMs + other.cpuMs, Math.max(longestMs, other.longestMs));
        }
    }
}
