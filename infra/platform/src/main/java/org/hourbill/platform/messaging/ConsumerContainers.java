package org.hourbill.platform.messaging;

import java.time.Duration;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.util.backoff.BackOff;

/**
 * How every consumer of a group runs besides its handler: failures go to {@link DeadLetters}, and offsets are committed
 * at most once per {@link #OFFSET_COMMIT_INTERVAL}, without waiting for the broker's answer.
 *
 * <p>Committing after every poll, and waiting for it, cost a round trip to the broker on every message of a saga (4-9 %
 * of a consumer's CPU in the wizard's profile, and the broker's work per commit). Nothing depends on an offset being
 * committed at once: every event is recorded in the service's inbox in the transaction that handles it
 * ({@link EventInbox}), so the events an instance killed before its next commit handled are delivered again and
 * skipped. A consumer that stops or loses partitions in a rebalance sends its commit first; one that does not reach
 * the broker costs the same redelivery.
 */
public class ConsumerContainers implements ListenerContainerWithDlqAndRetryCustomizer {
    /** The longest an offset waits to be committed while records arrive; an idle consumer commits after its poll. */
    static final Duration OFFSET_COMMIT_INTERVAL = Duration.ofSeconds(1);

    private final DeadLetters deadLetters;

    public ConsumerContainers(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        if (group == null || group.startsWith("anonymous.")) return;
        ContainerProperties properties = container.getContainerProperties();
        properties.setAckMode(ContainerProperties.AckMode.TIME);
        properties.setAckTime(OFFSET_COMMIT_INTERVAL.toMillis());
        properties.setSyncCommits(false);
        deadLetters.handleFailuresOf(container, group);
    }

    /** Retries and dead letters are the error handler's, per record: the binder's would move the whole poll. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }
}
