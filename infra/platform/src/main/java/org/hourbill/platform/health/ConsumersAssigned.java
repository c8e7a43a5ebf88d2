package org.hourbill.platform.health;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;

/**
 * Ready only once every consumer binding has joined its group and been given its partitions (possibly none, when other
 * instances hold them all): before that the service answers HTTP but does not yet take part in the sagas, and a load
 * balancer or an operator restarting instances one by one must wait. Part of the readiness group, not of liveness.
 */
public class ConsumersAssigned implements KafkaBindingRebalanceListener, HealthIndicator {
    private final Set<String> expected;
    private final Set<String> assigned = ConcurrentHashMap.newKeySet();
    private final Set<TopicPartition> held = ConcurrentHashMap.newKeySet();

    /** @param bindings the consumer bindings of this service, by name ({@code invoiceEvents-in-0}) */
    public ConsumersAssigned(Collection<String> bindings) {
        this.expected = new TreeSet<>(bindings);
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> assignment,
            boolean initial) {
        assigned.add(bindingName);
        held.addAll(assignment);
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
        held.removeAll(revoked);
    }

    @Override
    public Health health() {
        Set<String> waiting = new TreeSet<>(expected);
        waiting.removeAll(assigned);
        var health = waiting.isEmpty() ? Health.up() : Health.down().withDetail("waiting for assignment", waiting);
        return health.withDetail("partitions", new TreeSet<>(held.stream().map(TopicPartition::toString).toList())).build();
    }
}
