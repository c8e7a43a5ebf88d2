package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.json.JsonMapper;

/** The monitoring files docker-compose mounts parse, say what they must, and the alert rules pass promtool. */
class MonitoringFilesTest {

    @Test
    void every_dashboard_parses_and_every_panel_queries_prometheus() throws Exception {
        List<Path> dashboards = Monitoring.dashboards();
        assertThat(dashboards).extracting(p -> p.getFileName().toString()).contains("month-end.json", "services.json");
        for (Path dashboard : dashboards) {
            String json = Files.readString(dashboard);
            JsonMapper.builder().build().readTree(json); // strict JSON
            assertThat(JsonPath.<String>read(json, "$.uid")).as(dashboard.toString()).isNotBlank();
            List<Map<String, Object>> panels = JsonPath.read(json, "$..panels[?(@.type != 'row')]");
            assertThat(panels).as(dashboard + " panels").isNotEmpty()
                    .allSatisfy(p -> assertThat(p.get("targets")).as("%s: %s", dashboard.getFileName(), p.get("title")).isNotNull());
        }
        // each query reads at least one metric of ours (the ServiceDown rule reads Prometheus' own "up")
        assertThat(Monitoring.queries()).filteredOn(q -> !q.expr().startsWith("up{"))
                .allSatisfy(q -> assertThat(Monitoring.metricsIn(q.expr())).as(q.toString()).isNotEmpty());
    }

    @Test
    void the_metric_names_of_a_query_are_found_and_nothing_else() {
        assertThat(Monitoring.metricsIn("histogram_quantile(0.95, sum by (le, step) (rate(hourbill_saga_step_duration_seconds_bucket"
                + "{application=\"$application\", status=~\"5..\"}[5m])))")).containsExactly("hourbill_saga_step_duration_seconds_bucket");
        assertThat(Monitoring.metricsIn("max(a_total) > 0 and sum(increase(b_total[15m])) == 0 / on(x) group_left c"))
                .containsExactly("a_total", "b_total", "c");
        assertThat(Monitoring.metricsIn("label_values(process_uptime_seconds, application)")).containsExactly("process_uptime_seconds");
        assertThat(Monitoring.metricsIn("up{job=\"hourbill\"} == 0")).isEmpty();
    }

    @Test
    void the_month_end_dashboard_shows_runs_steps_lags_and_errors_and_the_service_one_repeats_per_service() throws Exception {
        String monthEnd = Files.readString(Monitoring.DASHBOARDS.resolve("month-end.json"));
        List<String> titles = JsonPath.read(monthEnd, "$..panels[*].title");
        assertThat(titles).contains("Invoices issued", "Invoiced amount", "Invoice runs by outcome", "Saga step duration (p95)",
                "Runs in progress", "Outbox lag", "Consumer lag", "Dead letters", "Problem responses by status", "Readiness");
        String services = Files.readString(Monitoring.DASHBOARDS.resolve("services.json"));
        assertThat(JsonPath.<List<String>>read(services, "$.panels[?(@.type == 'row')].repeat")).containsExactly("application");
        assertThat(JsonPath.<List<String>>read(services, "$..panels[*].title")).contains("HTTP requests by status",
                "HTTP latency (p95)", "JVM heap used", "GC pause time", "Database pool", "Consumer lag", "Outbox pending");
    }

    @Test
    void the_alert_rules_cover_lags_dead_letters_stuck_runs_errors_and_readiness() throws Exception {
        List<Map<String, Object>> rules = Monitoring.alertRules();
        assertThat(rules).extracting(r -> r.get("alert")).contains("OutboxLagging", "ConsumerLagging", "DeadLetters",
                "InvoiceRunsNotEnding", "BillingRunStalled", "HighErrorRate", "ServiceNotReady", "ServiceDown");
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule).containsKeys("expr", "labels", "annotations");
            assertThat(((Map<?, ?>) rule.get("annotations")).keySet().stream().map(String::valueOf).toList()).contains("summary", "description");
        });
    }

    @Test
    void grafana_provisioning_and_prometheus_configuration_parse_and_point_at_each_other() throws Exception {
        Map<String, Object> prometheus = new Yaml().load(Files.readString(Monitoring.DOCKER.resolve("prometheus.yml")));
        assertThat(prometheus.get("rule_files")).asList().contains("/etc/prometheus/alerts.yml");
        try (Stream<Path> files = Files.walk(Monitoring.DOCKER.resolve("grafana/provisioning"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
                Map<String, Object> yaml = new Yaml().load(Files.readString(file));
                assertThat(yaml).as(file.toString()).containsKey("apiVersion");
            }
        }
    }

    /** promtool, from Debian's prometheus package (.ci/run installs it); skipped where it is not installed, never on CI. */
    @Test
    void the_alert_rules_pass_promtool() throws Exception {
        String promtool = System.getenv().getOrDefault("PROMTOOL", "/usr/bin/promtool");
        boolean present = new File(promtool).canExecute();
        if (System.getenv("CI") != null) assertThat(present).as("promtool on CI: apt-get install prometheus").isTrue();
        assumeThat(present).as("promtool installed").isTrue();
        Process check = new ProcessBuilder(promtool, "check", "rules", Monitoring.ALERT_RULES.toString()).redirectErrorStream(true).start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS: " + Monitoring.alertRules().size() + " rules found");
    }
}
