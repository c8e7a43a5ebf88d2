package org.hourbill.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JDK 25's ahead-of-time cache (JEP 483/514) for a Spring Boot jar, as Spring Boot documents it: the jar is extracted
 * once (the cache needs plain jars on the class path), a training run starts the application until its context is
 * refreshed and exits ({@code spring.context.exit=onRefresh}) writing the cache, and every later start maps the classes
 * it loaded, already parsed and linked. A cache that does not fit (another JDK, another jar) is ignored by the JVM with
 * a warning, so a start never fails because of it.
 */
final class AotCache {
    /** The extracted jar to run and its cache. */
    record Prepared(Path jar, Path cache) {
        List<String> jvmOptions() {
            return Files.exists(cache) ? List.of("-XX:AOTCache=" + cache) : List.of();
        }

        /** The jar started as it is, without a cache (or with one its JVM options name). */
        static Prepared withoutCache(Path jar) {
            return new Prepared(jar, jar.resolveSibling("no-aot-cache"));
        }
    }

    private AotCache() {
    }

    /**
     * Extracts and trains unless an up-to-date cache is there.
     *
     * @param trainingProperties what the application needs to refresh its context (database, broker, issuer)
     */
    static Prepared prepare(Path executableJar, Path directory, List<String> jvmOptions, Map<String, String> trainingProperties)
            throws IOException, InterruptedException {
        Path jar = extracted(executableJar, directory);
        Path cache = directory.resolve("app.aot");
        Path trainedOn = directory.resolve("cache-of.sha256");
        String content = sha256(executableJar);
        if (Files.exists(cache) && Files.exists(trainedOn) && Files.readString(trainedOn).equals(content)) {
            return new Prepared(jar, cache);
        }
        Files.deleteIfExists(trainedOn);
        List<String> training = new ArrayList<>(List.of(ServiceProcess.javaOfThisJvm(), "--enable-native-access=ALL-UNNAMED"));
        training.addAll(jvmOptions);
        training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar", jar.toString(),
                "--server.port=0", "--management.server.port=0"));
        trainingProperties.forEach((k, v) -> training.add("--" + k + "=" + v));
        run(training, directory.resolve("training.log"));
        Files.writeString(trainedOn, content);
        return new Prepared(jar, cache);
    }

    /**
     * The extracted jar alone, for a cache trained on a workload rather than on start-up: started with
     * {@code -XX:AOTCacheOutput}, the JVM writes the cache when it exits, with the classes it loaded and the method
     * profiles it gathered (JEP 515) under that workload.
     */
    static Path extracted(Path executableJar, Path directory) throws IOException, InterruptedException {
        Path jar = directory.resolve(executableJar.getFileName());
        if (isExtractedFrom(executableJar, directory)) return jar;
        Path extractedFrom = directory.resolve("extracted-from.sha256");
        String content = sha256(executableJar);
        Files.createDirectories(directory);
        Files.deleteIfExists(extractedFrom);
        deleteTree(directory.resolve("lib")); // no library of an older build stays beside the new ones
        run(List.of(ServiceProcess.javaOfThisJvm(), "-Djarmode=tools", "-jar", executableJar.toString(), "extract", "--force",
                "--destination", directory.toString()), directory.resolve("extract.log"));
        Files.writeString(extractedFrom, content);
        return jar;
    }

    /** Whether the directory holds the extraction of this very jar (by content). */
    static boolean isExtractedFrom(Path executableJar, Path directory) throws IOException {
        Path extractedFrom = directory.resolve("extracted-from.sha256");
        return Files.exists(directory.resolve(executableJar.getFileName())) && Files.exists(extractedFrom)
                && Files.readString(extractedFrom).equals(sha256(executableJar));
    }

    /**
     * A jar by its content, which is what extractions and caches are kept for: the build is reproducible, so every jar
     * carries the same time stamp (project.build.outputTimestamp) and a newer build is not a newer file.
     */
    static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) return;
        try (var paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " took more than 5 minutes; see " + log);
        }
        if (process.exitValue() != 0) throw new IllegalStateException("failed (" + process.exitValue() + "); see " + log);
    }
}
