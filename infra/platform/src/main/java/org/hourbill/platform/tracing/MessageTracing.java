package org.hourbill.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a trace where no library does it for us: into an outbox row, from the row onto a Kafka record, from a
 * record into the consumer, and from a stored context (a billing run's) into later work. The context travels as a W3C
 * {@code traceparent}. Without a tracer (tracing switched off) every method is a cheap no-op.
 */
public final class MessageTracing {
    public static final String TRACEPARENT = "traceparent";
    private static final MessageTracing NONE = new MessageTracing(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public MessageTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public static MessageTracing none() {
        return NONE;
    }

    /** A span of the current work (or a new trace when there is none), e.g. the outbox write. */
    public Span startChild(String name) {
        return tracer.nextSpan().name(name).start();
    }

    /** A span continuing a stored context; a new trace when there is none or it is unreadable. */
    public Span startFrom(String traceparent, String name) {
        return extract(traceparent).name(name).start();
    }

    /** As {@link #startFrom(String, String)}, for a span of the given kind (e.g. the relay's producer span). */
    public Span startFrom(String traceparent, String name, Span.Kind kind) {
        return extract(traceparent).name(name).kind(kind).start();
    }

    private Span.Builder extract(String traceparent) {
        return propagator.extract(traceparent == null ? Map.<String, String>of() : Map.of(TRACEPARENT, traceparent), Map::get);
    }

    /** A consumer span continuing the trace of a received message's {@code traceparent} header. */
    public Span startReceiving(Map<String, Object> headers, String name) {
        return propagator.extract(headers, (carrier, key) -> text(carrier.get(key))).name(name).kind(Span.Kind.CONSUMER).start();
    }

    /** The span's context as a {@code traceparent}, or null when the span is not traced. */
    public String traceparent(Span span) {
        if (span.isNoop()) return null;
        Map<String, String> carrier = new HashMap<>(2);
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The current work's context as a {@code traceparent}, or null outside a trace. */
    public String currentTraceparent() {
        Span current = tracer.currentSpan();
        return current == null ? null : traceparent(current);
    }

    /** Makes the span current on this thread (and its ids visible in log lines) until the scope is closed. */
    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }

    /** Tags the current span, if any: e.g. an invoice's number, so that its trace can be found by it. */
    public void tagCurrent(String key, String value) {
        Span current = tracer.currentSpan();
        if (current != null && value != null) current.tag(key, value);
    }

    private static String text(Object value) {
        if (value == null) return null;
        if (value instanceof byte[] bytes) return new String(bytes, StandardCharsets.UTF_8);
        return value.toString();
    }
}
