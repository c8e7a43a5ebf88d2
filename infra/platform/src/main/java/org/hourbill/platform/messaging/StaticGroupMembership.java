package org.hourbill.platform.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.cloud.stream.binder.kafka.support.ConsumerConfigCustomizer;

/**
 * Gives each consumer of this instance a stable member name in its group ({@code group.instance.id}, Kafka's static
 * membership): a restarted instance takes its partitions back at once, without a rebalance, instead of waiting for the
 * group to notice that its predecessor died. Several bindings of a service share one group, so each binding gets its own
 * name ({@code <instance>-<binding>}); Spring Kafka adds {@code -n} per thread of a binding with concurrency.
 *
 * <p>The instance id must be unique among the running instances of a service and the same after a restart of one: the
 * host name in a container, {@code <host>-<port>} for processes on one machine. Without one (tests, where contexts come
 * and go) consumers are dynamic members, which leave their group when they close.
 */
public class StaticGroupMembership implements ConsumerConfigCustomizer {
    private final String instanceId;

    public StaticGroupMembership(String instanceId) {
        this.instanceId = instanceId;
    }

    @Override
    public void configure(Map<String, Object> consumerProperties, String bindingName, String destination) {
        if (instanceId != null && !instanceId.isBlank()) {
            consumerProperties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId + "-" + bindingName);
        }
    }
}
