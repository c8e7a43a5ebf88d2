package org.hourbill.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.hourbill.platform.tracing.MessageTracing;
import org.hourbill.platform.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.tracing.Span;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives events for a named consumer: reads the envelope, restores the correlation id, and runs the handler in
 * one transaction with the idempotency record. A failure rolls both back, so the event is asked again and finally
 * dead-lettered; a redelivery after success has no second effect. Services receive a poll's events at once
 * ({@link #receiveAll}); {@link #receive} takes one.
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
        transaction.executeWithoutResult(status -> handle(consumer, new Received(0, message, event), handler));
    }

    /** {@link #receiveAll(String, Message, Predicate, Consumer)} for a consumer of every event type of its topic. */
    public void receiveAll(String consumer, Message<? extends List<?>> poll, Consumer<IncomingEvent> handler) {
        receiveAll(consumer, poll, type -> true, handler);
    }

    /**
     * Receives a poll's records (the binding in batch mode) in one transaction with their idempotency records: one
     * commit and one offset commit for all of them, where each record used to pay for its own. The handler still sees
     * one event at a time, in the order of the poll. If the poll fails together (a handler throws, a deadlock), its
     * events are taken again one per transaction, and the first that fails alone is named to the error handler with
     * its index ({@link DeadLetters}): the events before it stay done, it is asked again and finally dead-lettered, and
     * the events after it come again with the next poll. A redelivered event finds its idempotency record either way.
     */
    public void receiveAll(String consumer, Message<? extends List<?>> poll, Predicate<String> handledTypes,
            Consumer<IncomingEvent> handler) {
        List<Message<byte[]>> messages = EventBatch.split(poll);
        List<Received> wanted = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            IncomingEvent event;
            try {
                event = IncomingEvent.from(messages.get(i));
            } catch (MalformedEvent unreadable) {
                handleTogether(consumer, wanted, handler);
                throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, i);
            }
            if (handledTypes.test(event.type())) {
                wanted.add(new Received(i, messages.get(i), event));
            } else {
                log.trace("{} skips {} {}", consumer, event.type(), event.id());
            }
        }
        handleTogether(consumer, wanted, handler);
    }

    private void handleTogether(String consumer, List<Received> events, Consumer<IncomingEvent> handler) {
        if (events.isEmpty()) return;
        if (events.size() > 1) {
            try {
                transaction.executeWithoutResult(status -> events.forEach(event -> handle(consumer, event, handler)));
                return;
            } catch (RuntimeException e) {
                log.info("{}: {} events failed together ({}); taking them one at a time", consumer, events.size(), e.toString());
            }
        }
        for (Received event : events) {
            try {
                transaction.executeWithoutResult(status -> handle(consumer, event, handler));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(e.getMessage(), e, event.index());
            }
        }
    }

    /** One event, inside the caller's transaction: its correlation id in the log, its span, its idempotency record. */
    private void handle(String consumer, Received received, Consumer<IncomingEvent> handler) {
        IncomingEvent event = received.event();
        if (event.correlationId() != null) MDC.put(CorrelationIdFilter.MDC_KEY, event.correlationId());
        Span span = tracing.startReceiving(received.message().getHeaders(), consumer + " " + event.type())
                .tag("event.type", event.type()).tag("event.id", event.id());
        try (var scope = tracing.inScope(span)) {
            if (processed.markProcessed(consumer, event.id())) {
                handler.accept(event);
            } else {
                span.tag("event.duplicate", "true");
                log.debug("{} already processed {} {}", consumer, event.type(), event.id());
            }
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
    }

    /** An event of a poll, with its place in the poll. */
    private record Received(int index, Message<?> message, IncomingEvent event) {
    }
}
