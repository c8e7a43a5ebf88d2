package org.hourbill.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.hourbill.platform.health.ConsumersAssigned;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class ConsumersAssignedTest {

    @Test
    void ready_only_once_every_binding_has_been_given_its_partitions_even_none() {
        var consumers = new ConsumersAssigned(List.of("invoiceEvents-in-0", "timesheetEvents-in-0"));
        assertThat(consumers.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(consumers.health().getDetails().get("waiting for assignment").toString())
                .contains("invoiceEvents-in-0", "timesheetEvents-in-0");

        consumers.onPartitionsAssigned("invoiceEvents-in-0", null, List.of(new TopicPartition("invoice.events", 1)), true);
        assertThat(consumers.health().getStatus()).isEqualTo(Status.DOWN);

        // another instance holds all of timesheet.events: an empty assignment still means the consumer is in its group
        consumers.onPartitionsAssigned("timesheetEvents-in-0", null, List.of(), true);
        assertThat(consumers.health().getStatus()).isEqualTo(Status.UP);
        assertThat(consumers.health().getDetails().get("partitions").toString()).contains("invoice.events-1");

        consumers.onPartitionsRevokedBeforeCommit("invoiceEvents-in-0", null, List.of(new TopicPartition("invoice.events", 1)));
        assertThat(consumers.health().getDetails().get("partitions").toString()).doesNotContain("invoice.events-1");
    }
}
