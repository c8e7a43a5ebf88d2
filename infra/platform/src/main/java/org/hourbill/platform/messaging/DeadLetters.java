package org.hourbill.platform.messaging;

import org.apache.kafka.common.TopicPartition;
import org.hourbill.platform.metrics.DeadLetterMeter;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;

/**
 * What happens to an event a consumer cannot process. Consumers take a poll's records at once ({@link EventInbox#receiveAll})
 * and name the one that failed; Spring Kafka's error handler then commits the records before it, asks that one again
 * (three attempts in all, 100 ms then 200 ms apart; an unreadable event is not asked again) and finally moves it to
 * {@code <topic>.<group>.dlq}, on its own partition, with the reason in the {@code x-original-*} and
 * {@code x-exception-*} headers. The records after it are polled again and the partition goes on.
 *
 * <p>The binder's own dead-lettering is off ({@link ConsumerContainers}): in batch mode it would move the whole poll.
 */
public class DeadLetters {
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaOperations<byte[], byte[]> producer;
    private final DeadLetterMeter meter;

    public DeadLetters(DefaultKafkaProducerFactory<byte[], byte[]> producers, DeadLetterMeter meter) {
        this.producers = producers;
        this.producer = new KafkaTemplate<>(producers);
        this.meter = meter;
    }

    public void destroy() {
        producers.destroy();
    }

    /** The dead-letter topic of a topic and consumer group. */
    public static String topicOf(String topic, String group) {
        return topic + "." + group + ".dlq";
    }

    /** Gives a consumer group's container the error handler that retries and dead-letters. */
    void handleFailuresOf(AbstractMessageListenerContainer<?, ?> container, String group) {
        var publisher = new DeadLetterPublishingRecoverer(producer,
                (record, e) -> new TopicPartition(topicOf(record.topic(), group), record.partition()));
        publisher.setHeaderNamesSupplier(DeadLetters::binderHeaderNames);
        var handler = new DefaultErrorHandler((record, e) -> {
            publisher.accept(record, reason(e));
            meter.deadLettered(group, record.topic());
        }, retries());
        handler.addNotRetryableExceptions(MalformedEvent.class);
        container.setCommonErrorHandler(handler);
    }

    private static BackOff retries() {
        var backOff = new ExponentialBackOffWithMaxRetries(2);
        backOff.setInitialInterval(100);
        backOff.setMultiplier(2);
        backOff.setMaxInterval(1_000);
        return backOff;
    }

    /** What the handler threw, without the wrappers of the binder and the batch: that is what a person needs to read. */
    private static Exception reason(Exception thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof BatchListenerFailedException failed && failed.getCause() instanceof Exception cause) return cause;
        }
        return thrown;
    }

    /** The header names the binder's dead-lettering used, which operators and docs/events.md rely on. */
    private static DeadLetterPublishingRecoverer.HeaderNames binderHeaderNames() {
        return DeadLetterPublishingRecoverer.HeaderNames.Builder.original()
                .offsetHeader("x-original-offset").timestampHeader("x-original-timestamp")
                .timestampTypeHeader("x-original-timestamp-type").topicHeader("x-original-topic")
                .partitionHeader("x-original-partition").consumerGroupHeader("x-original-consumer-group")
                .exception()
                .keyExceptionFqcn("x-key-exception-fqcn").exceptionFqcn("x-exception-fqcn")
                .exceptionCauseFqcn("x-exception-cause-fqcn").keyExceptionMessage("x-key-exception-message")
                .exceptionMessage("x-exception-message").keyExceptionStacktrace("x-key-exception-stacktrace")
                .exceptionStacktrace("x-exception-stacktrace")
                .build();
    }
}
