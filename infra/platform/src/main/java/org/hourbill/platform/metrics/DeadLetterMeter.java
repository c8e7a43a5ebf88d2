package org.hourbill.platform.metrics;

import java.util.Collection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code hourbill_dead_letters_total{group, topic}}: events a consumer gave up on and sent to its dead-letter topic
 * (counted by {@link org.hourbill.platform.messaging.DeadLetters} as it sends each). The series of each consumer exist
 * from the start at 0.
 */
public class DeadLetterMeter {
    private final MeterRegistry meters;

    /** @param consumers each consumer's group and topic */
    public DeadLetterMeter(MeterRegistry meters, Collection<String[]> consumers) {
        this.meters = meters;
        consumers.forEach(c -> counter(c[0], c[1]));
    }

    public void deadLettered(String group, String topic) {
        counter(group, topic).increment();
    }

    private Counter counter(String group, String topic) {
        return Counter.builder("hourbill.dead.letters").description("events sent to a dead-letter topic")
                .tag("group", group == null ? "" : group).tag("topic", topic).register(meters);
    }
}
