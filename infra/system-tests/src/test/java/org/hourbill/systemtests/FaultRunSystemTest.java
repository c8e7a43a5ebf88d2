package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hourbill.localstack.FaultRun;
import org.hourbill.testsupport.TestClock;
import org.junit.jupiter.api.Test;

/**
 * The short fault run: about a hundred invoices through the gateway, with two instances of every service on their own
 * PostgreSQL and broker processes, while three random instances are killed (SIGKILL), the broker crashes once and
 * PostgreSQL once (requests in flight meanwhile are answered 503 by the services and asked again by the gateway). Every
 * guarantee is counted afterwards from the databases and the topics, and must be 0; no client request may be answered
 * 5xx. The full run (2,000 invoices, 30 kills, 3 broker crashes, a PostgreSQL crash, a rolling restart) is
 * {@code ./mvnw install -DskipTests -Pfault-run} (docs/operations.md).
 */
class FaultRunSystemTest {

    @Test
    void every_guarantee_holds_while_instances_and_the_broker_are_killed() throws Exception {
        FaultRun.Report report = FaultRun.run(new FaultRun.Settings("fault-run-test", 13_000, 100, 3, 4, 3, 1, 1, false,
                Long.getLong("hourbill.fault.seed", 20261203L), FaultRun.SERVICE_JVM, java.time.Instant.parse(TestClock.START),
                false, 2)); // no AOT cache: its training costs more than it saves in a run this short

        assertThat(report.invariants()).isNotEmpty().allSatisfy((invariant, figure) -> assertThat(figure).as(invariant).isZero());
        assertThat(report.serverErrors()).as("client requests answered 5xx or not at all").isEmpty();
        assertThat(report.issued() + report.failedRuns()).isEqualTo(100);
        assertThat(report.issued()).as("invoices issued").isGreaterThanOrEqualTo(95);
        assertThat(report.faults()).hasSize(5);
        // faults that strike while no saga is in flight prove nothing about sagas
        assertThat(report.sagasStruck()).as("sagas in flight while a fault lasted").isPositive();
        assertThat(report.faults()).filteredOn(f -> f.startsWith("SIGKILL Kafka broker")).hasSize(1);
        assertThat(report.faults()).filteredOn(f -> f.startsWith("PostgreSQL immediate stop")).hasSize(1);
        assertThat(List.copyOf(report.faults())).filteredOn(f -> f.startsWith("SIGKILL ") && f.contains("-service-")).hasSize(3);
    }
}
