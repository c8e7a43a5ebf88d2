package org.hourbill.platform.messaging;

import java.util.function.Consumer;
import java.util.function.Predicate;

import org.hourbill.platform.tracing.MessageTracing;
import org.hourbill.platform.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.tracing.Span;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives one event for a named consumer: reads the envelope, restores the correlation id, and runs the
 * handler in one transaction with the idempotency record. A failure rolls both back, so the binder retries
 * and finally dead-letters the event; a redelivery after success has no second effect.
 */
public class EventInbox {
    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final ProcessedEvents processed;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final MessageTracing tracing;

    /** @param json used leniently: an event may carry fields added after this consumer was built */
    public EventInbox(ProcessedEvents processed, TransactionTemplate transaction, JsonMapper json) {
        this(processed, transaction, json, MessageTracing.none());
    }

    /** @param tracing the handling of an event is a span in the trace of the work that wrote it */
    public EventInbox(ProcessedEvents processed, TransactionTemplate transaction, JsonMapper json, MessageTracing tracing) {
        this.tracing = tracing;
        this.processed = processed;
        this.transaction = transaction;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** Reads the payload as the given contract record; an unreadable one is a {@link MalformedEvent}. */
    public <T> T payload(IncomingEvent event, Class<T> type) {
        try {
            T payload = json.readValue(event.payload(), type);
            if (payload == null) throw new MalformedEvent(event.type() + " " + event.id() + " has an empty payload");
            return payload;
        } catch (JacksonException e) {
            throw new MalformedEvent(event.type() + " " + event.id() + " is not readable: " + e.getOriginalMessage(), e);
        }
    }

    public void receive(String consumer, Message<?> message, Consumer<IncomingEvent> handler) {
        receive(consumer, message, type -> true, handler);
    }

    /**
     * As {@link #receive(String, Message, Consumer)}, for a consumer that uses only some of a topic's event types: the
     * others are skipped without a transaction or an idempotency record (they have no effect to guard), which matters
     * on busy topics that carry mostly events of no interest.
     */
    public void receive(String consumer, Message<?> message, Predicate<String> handledTypes, Consumer<IncomingEvent> handler) {
        IncomingEvent event = IncomingEvent.from(message);
        if (!handledTypes.test(event.type())) {
            log.trace("{} skips {} {}", consumer, event.type(), event.id());
            return;
        }
        if (event.correlationId() != null) MDC.put(CorrelationIdFilter.MDC_KEY, event.correlationId());
        Span span = tracing.startReceiving(message.getHeaders(), consumer + " " + event.type())
                .tag("event.type", event.type()).tag("event.id", event.id());
        try (var scope = tracing.inScope(span)) {
            transaction.executeWithoutResult(status -> {
                if (processed.markProcessed(consumer, event.id())) {
                    handler.accept(event);
                } else {
                    span.tag("event.duplicate", "true");
                    log.debug("{} already processed {} {}", consumer, event.type(), event.id());
                }
            });
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
    }
}
