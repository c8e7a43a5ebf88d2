package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.hourbill.localstack.ServiceProcess;
import org.springframework.util.FileSystemUtils;

/**
 * A real Prometheus (Debian's package, the one that brings promtool) scraping the running system every second with the
 * alert rules of docker-compose loaded: the dashboards' queries and the rules run on real metrics.
 */
final class ScrapingPrometheus implements AutoCloseable {
    static final int PORT = 19090;
    private final Process process;

    private ScrapingPrometheus(Process process) {
        this.process = process;
    }

    /** Skipped where Prometheus is not installed, but never on CI (CI=true), where .ci/run installs it. */
    static ScrapingPrometheus scraping(List<String> managementUrls) throws Exception {
        String binary = System.getenv().getOrDefault("PROMETHEUS", "/usr/bin/prometheus");
        boolean present = new File(binary).canExecute();
        if (System.getenv("CI") != null) assertThat(present).as("Prometheus on CI: apt-get install prometheus").isTrue();
        assumeTrue(present, "Prometheus is not installed (apt-get install prometheus)");
        Path work = Path.of("target", "prometheus").toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        Files.createDirectories(work);
        String targets = String.join(", ", managementUrls.stream().map(u -> "'" + URI.create(u).getAuthority() + "'").toList());
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                rule_files: ['%s']
                scrape_configs:
                  - job_name: hourbill
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: [%s]
                """.formatted(Monitoring.ALERT_RULES, targets));
        Process process = new ProcessBuilder(binary, "--config.file=" + config, "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + PORT).redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile())
                .start();
        ScrapingPrometheus prometheus = new ScrapingPrometheus(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Http.anonymous(prometheus.url() + "/-/ready").status() == 200) return prometheus;
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        prometheus.close();
        throw new IllegalStateException("Prometheus did not start; see " + work.resolve("prometheus.log"));
    }

    String url() {
        return "http://127.0.0.1:" + PORT;
    }

    @Override
    public void close() {
        ServiceProcess.stop(process);
    }
}
