package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.hourbill.localstack.FrontDoor;
import org.hourbill.localstack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.JsonPath;

/**
 * Every metric a Grafana panel or a Prometheus alert rule queries is one the running services expose: a renamed metric
 * fails here, not on the night its alert should have fired.
 */
class MonitoringSystemTest {
    @RegisterExtension
    static final RunningSystem system = RunningSystem.get();

    final MonthEnd monthEnd = new MonthEnd(system);

    @Test
    void every_metric_the_dashboards_and_alert_rules_query_is_exposed_by_the_running_services() throws Exception {
        // one saga, one refused request: the counters, histograms and problem responses have their series
        var customer = monthEnd.customer("EUR");
        monthEnd.approvedEntries(customer, LocalDate.of(2026, 10, 1), 1, "3");
        monthEnd.issuedInvoice(monthEnd.review(customer, null, null));
        assertThat(Http.post(monthEnd.url(Service.BILLING) + "/billing-runs", "{\"periodFrom\":\"x\"}").status()).isEqualTo(400);

        Set<String> exposed = new TreeSet<>();
        for (Service service : Service.values()) exposed.addAll(names(system.managementUrl(service)));
        exposed.addAll(names(system.managementUrl(FrontDoor.GATEWAY)));
        Files.write(Path.of("target", "exposed-metrics.txt"), exposed);

        List<String> missing = new ArrayList<>();
        for (Monitoring.Query query : Monitoring.queries()) {
            for (String metric : Monitoring.metricsIn(query.expr())) {
                if (!exposed.contains(metric)) missing.add(metric + " (" + query.where() + ")");
            }
        }
        assertThat(missing).as("metrics queried but exposed by no service (all exposed: target/exposed-metrics.txt)").isEmpty();
        assertThat(Monitoring.queries()).hasSizeGreaterThan(20);
    }

    /**
     * A real Prometheus scrapes the system through a few minutes of month-end (wizard runs, a billing run, a refused
     * request): the alert rules evaluate without error, and the month-end dashboard is drawn from its data.
     */
    @Test
    void prometheus_evaluates_the_alert_rules_and_the_month_end_dashboard_shows_a_close() throws Exception {
        List<String> targets = new ArrayList<>();
        for (Service service : Service.values()) targets.add(system.managementUrl(service));
        targets.add(system.managementUrl(FrontDoor.GATEWAY));
        try (ScrapingPrometheus prometheus = ScrapingPrometheus.scraping(targets)) {
            for (int round = 0; round < 4; round++) {
                var byHand = monthEnd.customer("EUR");
                monthEnd.approvedEntries(byHand, LocalDate.of(2026, 10, 1), 2, "6");
                monthEnd.issuedInvoice(monthEnd.review(byHand, null, null));
                List<String> customers = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    var customer = monthEnd.customer(c == 2 ? "CHF" : "EUR");
                    monthEnd.approvedEntries(customer, LocalDate.of(2026, 10, 1), 1 + c, "7.5");
                    customers.add("\"" + customer.id() + "\"");
                }
                String run = MonthEnd.id(Http.post(monthEnd.url(Service.BILLING) + "/billing-runs",
                        "{\"periodFrom\":\"2026-10-01\",\"periodTo\":\"2026-10-31\",\"customerIds\":[" + String.join(",", customers) + "]}"));
                Http.post(monthEnd.url(Service.BILLING) + "/billing-runs/" + run + "/start", "");
                Http.post(monthEnd.url(Service.BILLING) + "/billing-runs", "{\"periodFrom\":\"nonsense\"}");
                Thread.sleep(5_000);
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(value(prometheus, "sum(hourbill_invoices_issued_total)"))
                            .as("invoices Prometheus saw; targets: %s", Http.anonymous(prometheus.url() + "/api/v1/targets").body())
                            .isGreaterThanOrEqualTo(16));

            String rules = Http.anonymous(prometheus.url() + "/api/v1/rules").body();
            assertThat(JsonPath.<List<String>>read(rules, "$.data.groups[*].rules[*].name")).hasSize(Monitoring.alertRules().size());
            assertThat(JsonPath.<List<String>>read(rules, "$.data.groups[*].rules[*].health")).as(rules).containsOnly("ok");
            assertThat(value(prometheus, "count(hourbill_ready == 1)")).as("every service ready").isEqualTo(Service.values().length);

            BrowserScript.run("dashboard.e2e.mjs", 1, java.util.Map.of("PROMETHEUS_URL", prometheus.url(),
                    "DASHBOARD", Monitoring.DASHBOARDS.resolve("month-end.json").toString()));
        }
    }

    /** The first value of an instant query, 0 when there is none yet. */
    private static double value(ScrapingPrometheus prometheus, String query) throws Exception {
        String answer = Http.anonymous(prometheus.url() + "/api/v1/query?query="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)).body();
        List<List<Object>> values = JsonPath.read(answer, "$.data.result[*].value");
        return values.isEmpty() ? 0 : Double.parseDouble(values.getFirst().get(1).toString());
    }

    /** The metric names of one /actuator/prometheus page, with their _bucket/_count/_sum series. */
    private static Set<String> names(String managementUrl) throws Exception {
        Set<String> names = new TreeSet<>();
        String page = Http.anonymous(managementUrl + "/actuator/prometheus").body();
        for (String line : page.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') end++;
            names.add(line.substring(0, end));
        }
        return names;
    }
}
