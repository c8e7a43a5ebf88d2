package org.hourbill.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR profile of the running services over one benchmark round (with HOURBILL_PROFILE=1): started and stopped with
 * {@code jcmd}, then each service's CPU samples told by {@link MessagePath}: which thread, which stage of the message
 * path. Samples are Java frames every 10 ms of a running thread; time in system calls and the JIT compilers is not in
 * them (the benchmark's CPU figures have the JIT separately).
 */
final class ServiceProfile {
    private final List<ServiceProcess> services;
    private final Path directory;

    private ServiceProfile(List<ServiceProcess> services, Path directory) {
        this.services = services;
        this.directory = directory;
    }

    static boolean wanted() {
        return "1".equals(System.getenv("HOURBILL_PROFILE")) || wizardWanted();
    }

    /** HOURBILL_PROFILE=wizard: the saturated wizard round is profiled instead of the billing run. */
    static boolean wizardWanted() {
        return "wizard".equals(System.getenv("HOURBILL_PROFILE"));
    }

    static ServiceProfile start(List<ServiceProcess> services, Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        for (ServiceProcess s : services) {
            // whole stacks, so each sample's thread and stage can be told (JFR keeps 64 frames by default); set here
            // rather than as a JVM option, so a profiled service runs with the options its AOT cache was trained with
            jcmd(s, "JFR.configure", "stackdepth=1024");
            jcmd(s, "JFR.start", "name=round", "settings=profile", "filename=" + file(directory, s));
        }
        return new ServiceProfile(services, directory);
    }

    /** Stops the recordings and tells, per service, where its samples were. */
    String stopAndReport() throws IOException, InterruptedException {
        Map<String, Path> recordings = new java.util.LinkedHashMap<>();
        for (ServiceProcess s : services) {
            jcmd(s, "JFR.stop", "name=round");
            recordings.put(s.name(), file(directory, s));
        }
        return report(recordings);
    }

    /** Where each service's samples were; {@code recordings} by service name (frame-order-service, ...). */
    static String report(Map<String, Path> recordings) throws IOException {
        StringBuilder report = new StringBuilder("Where each service's CPU samples were (JFR; thread / deepest stage of the path on the stack)\n");
        for (var recording : recordings.entrySet()) {
            Map<String, Integer> counts = new HashMap<>();
            int total = 0;
            String service = "org.hourbill." + recording.getKey().replace("-service", "").replace("-", "") + ".";
            for (RecordedEvent e : RecordingFile.readAllEvents(recording.getValue())) {
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) continue;
                List<String> frames = new ArrayList<>();
                for (RecordedFrame f : e.getStackTrace().getFrames()) frames.addFirst(f.getMethod().getType().getName() + "." + f.getMethod().getName());
                var thread = e.getThread("sampledThread");
                MessagePath path = MessagePath.of(thread == null ? "" : String.valueOf(thread.getJavaName()), frames, service);
                counts.merge(path.thread() + " / " + path.stage(), 1, Integer::sum);
                total++;
            }
            report.append(String.format("  %s: %,d samples%n", recording.getKey(), total));
            int all = total;
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(14)
                    .forEach(c -> report.append(String.format("    %4.0f %%  %s%n", 100.0 * c.getValue() / all, c.getKey())));
        }
        return report.toString();
    }

    /** Tells recordings kept from a run again: {@code ServiceProfile target/benchmark/jfr/*.jfr} (files named after their service). */
    public static void main(String... files) throws IOException {
        Map<String, Path> recordings = new java.util.LinkedHashMap<>();
        for (String f : files) recordings.put(Path.of(f).getFileName().toString().replace(".jfr", ""), Path.of(f));
        System.out.print(report(recordings));
    }

    private static Path file(Path directory, ServiceProcess s) {
        return directory.resolve(s.name() + ".jfr");
    }

    private static void jcmd(ServiceProcess s, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(s.pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (jcmd.waitFor() != 0) throw new IOException("jcmd " + String.join(" ", command) + " failed for " + s.name());
    }
}
