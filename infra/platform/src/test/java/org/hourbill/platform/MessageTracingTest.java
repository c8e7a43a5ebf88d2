package org.hourbill.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hourbill.platform.messaging.EventInbox;
import org.hourbill.platform.messaging.ProcessedEvents;
import org.hourbill.platform.outbox.Outbox;
import org.hourbill.platform.outbox.OutboxRelay;
import org.hourbill.platform.outbox.OutboxSignal;
import org.hourbill.platform.outbox.OutgoingEvent;
import org.hourbill.platform.tracing.MessageTracing;
import org.hourbill.testsupport.SharedInfrastructure;
import org.hourbill.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trace crosses the outbox and the broker: the work that writes an event, the relay that sends it and the consumer
 * that handles it are spans of one trace, linked parent to child, on the real PostgreSQL and broker with OpenTelemetry.
 */
class MessageTracingTest {
    static RealDatabase db;
    static final List<SpanData> finished = new CopyOnWriteArrayList<>();
    static MessageTracing tracing;
    static OtelTracer tracer;

    record Greeting(String text) {
    }

    @BeforeAll
    static void setUp() {
        db = RealDatabase.migrated("platform_tracing");
        SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOn())
                .addSpanProcessor(SimpleSpanProcessor.create(new Collecting())).build();
        var otelTracer = provider.get("test");
        var context = new OtelCurrentTraceContext();
        tracer = new OtelTracer(otelTracer, context, event -> { }, new OtelBaggageManager(context, List.of(), List.of()));
        var propagator = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer);
        tracing = new MessageTracing(tracer, propagator);
    }

    @Test
    void the_writer_the_relay_and_the_consumer_of_an_event_are_one_trace() {
        String topic = "tracing-test-" + UUID.randomUUID();
        SharedInfrastructure.get().createTopic(topic, 1);
        Outbox outbox = new Outbox(db.jdbc(), JsonMapper.builder().build(), "test-source", Clock.systemUTC(), new OutboxSignal(), tracing);
        Span request = tracing.startChild("POST /reviews/{id}/generation");
        try (var scope = tracing.inScope(request)) {
            db.transaction().executeWithoutResult(tx -> outbox.append(new OutgoingEvent(topic, "Greeting.v1", "thing", "K", null,
                    new Greeting("hello"))));
        } finally {
            request.end();
        }
        var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
        try (producer) {
            new OutboxRelay(db.jdbc(), db.transaction(), () -> producer, 100, Duration.ofSeconds(10), new SimpleMeterRegistry(),
                    Clock.systemUTC(), tracing).publishPending();
        }
        TopicReader.Record record = TopicReader.read(topic, Duration.ofSeconds(20), r -> !r.isEmpty()).getFirst();

        var message = MessageBuilder.withPayload(record.value().getBytes(StandardCharsets.UTF_8));
        record.headers().forEach((name, value) -> message.setHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        EventInbox inbox = new EventInbox(new ProcessedEvents(db.jdbc()), db.transaction(), JsonMapper.builder().build(), tracing);
        String[] traceSeenByHandler = new String[1];
        inbox.receive("test-consumer", message.build(), event -> traceSeenByHandler[0] = tracer.currentSpan().context().traceId());

        String traceId = request.context().traceId();
        SpanData write = span("outbox write");
        SpanData send = span("send " + topic);
        SpanData consume = span("test-consumer Greeting.v1");
        assertThat(List.of(write, send, consume)).allMatch(s -> s.getTraceId().equals(traceId));
        assertThat(write.getParentSpanId()).isEqualTo(request.context().spanId());
        assertThat(send.getParentSpanId()).isEqualTo(write.getSpanId());
        assertThat(consume.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(record.headers().get("traceparent")).isEqualTo("00-" + traceId + "-" + send.getSpanId() + "-01");
        assertThat(traceSeenByHandler[0]).isEqualTo(traceId);
    }

    @Test
    void an_event_written_outside_any_trace_starts_its_own_and_a_record_without_one_too() {
        Span standalone = tracing.startFrom(null, "saga timer");
        standalone.end();
        assertThat(standalone.context().traceId()).isNotBlank();
        assertThat(tracing.startFrom("not-a-traceparent", "x").context().traceId())
                .isNotEqualTo(standalone.context().traceId());
    }

    private static SpanData span(String name) {
        return finished.stream().filter(s -> s.getName().equals(name)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no span " + name + " among " + finished.stream().map(SpanData::getName).toList()));
    }

    private static final class Collecting implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            finished.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
