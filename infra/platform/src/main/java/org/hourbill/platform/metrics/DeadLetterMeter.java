package org.hourbill.platform.metrics;

import java.util.Collection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code hourbill_dead_letters_total{group, topic}}: events a consumer gave up on and sent to its dead-letter topic.
 * It is the binder's hook for choosing the dead-letter partition (the record's own, as by default: dead-letter topics have
 * as many partitions as theirs), so it sees every dead letter. The series of each consumer exist from the start at 0.
 */
public class DeadLetterMeter implements DlqPartitionFunction {
    private final MeterRegistry meters;

    /** @param consumers each consumer's group and topic */
    public DeadLetterMeter(MeterRegistry meters, Collection<String[]> consumers) {
        this.meters = meters;
        consumers.forEach(c -> counter(c[0], c[1]));
    }

    @Override
    public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable cause) {
        counter(group, record.topic()).increment();
        return record.partition();
    }

    private Counter counter(String group, String topic) {
        return Counter.builder("hourbill.dead.letters").description("events sent to a dead-letter topic")
                .tag("group", group == null ? "" : group).tag("topic", topic).register(meters);
    }
}
