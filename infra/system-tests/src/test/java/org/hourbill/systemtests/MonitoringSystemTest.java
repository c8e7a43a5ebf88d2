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
