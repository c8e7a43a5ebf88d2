package org.hourbill.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hourbill.platform.messaging.CloudEventHeaders;
import org.hourbill.platform.tracing.MessageTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;

/**
 * Publishes outbox rows to Kafka in the order they were written, then deletes them.
 *
 * <p>Only one relay of a service publishes at a time (a PostgreSQL advisory lock), which keeps the order per
 * key even with several instances. A row is deleted only after the broker acknowledged it, so a crash or an
 * unreachable broker delays events but never loses them; the price is an occasional duplicate after a crash,
 * which idempotent consumers absorb; for the same reason the delete is committed without waiting for the WAL's flush.
 * Lag is exported as {@code outbox.pending} and {@code outbox.oldest.age}.
 */
public class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long LOCK_ID = 0x6f7574626f78L; // "outbox"

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Supplier<Producer<String, byte[]>> producers;
    private Producer<String, byte[]> producer;
    private final int batchSize;
    private final Duration sendTimeout;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final MessageTracing tracing;
    private volatile Thread worker;
    private volatile long lagMeasuredAt;

    /**
     * @param producers makes a producer; after a failed batch the relay closes its producer and makes a new one,
     *                  since an idempotent producer can be left in a state it does not recover from by itself
     */
    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, Supplier<Producer<String, byte[]>> producers,
            int batchSize, Duration sendTimeout, MeterRegistry meters) {
        this(jdbc, transaction, producers, batchSize, sendTimeout, meters, Clock.systemUTC(), MessageTracing.none());
    }

    /**
     * @param clock   the one the {@link Outbox} stamps events with, so the age of the oldest event is measured on it
     * @param tracing a send span per event, in the trace of the work that wrote it
     */
    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, Supplier<Producer<String, byte[]>> producers,
            int batchSize, Duration sendTimeout, MeterRegistry meters, Clock clock, MessageTracing tracing) {
        this.tracing = tracing;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.producers = producers;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        Gauge.builder("outbox.pending", pending, AtomicLong::get).description("events written but not yet published")
                .register(meters);
        Gauge.builder("outbox.oldest.age", oldestAgeMillis, a -> a.get() / 1000.0).baseUnit("seconds")
                .description("age of the oldest unpublished event").register(meters);
    }

    /**
     * Runs the relay on its own thread: it publishes as soon as this instance commits events ({@link OutboxSignal}),
     * and otherwise every {@code pollInterval} (events of other instances, or after a failure). Idle, it costs one
     * query per poll.
     */
    public synchronized void start(OutboxSignal signal, Duration pollInterval) {
        if (worker != null) return;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                publishPending();
                try {
                    signal.awaitEvents(pollInterval);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Publishes until the outbox is empty or publishing fails (the next run retries). */
    public synchronized void publishPending() {
        try {
            while (publishBatch() == batchSize) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay could not publish, will retry: {}", e.toString());
        } finally {
            if (System.currentTimeMillis() - lagMeasuredAt >= 1_000) measureLag();
        }
    }

    /** Publishes one batch; returns how many events it published. */
    int publishBatch() {
        Integer published = transaction.execute(status -> {
            // The delete needs no durability: lost in a crash of the database, it only sends the rows again, which the
            // consumers' inboxes absorb. So the commit does not wait for the WAL's flush, behind which every later
            // event of the service would queue; the writers' commits stay synchronous.
            Boolean leader = jdbc.queryForObject("select pg_try_advisory_xact_lock(?), set_config('synchronous_commit', 'off', true)",
                    (rs, i) -> rs.getBoolean(1), LOCK_ID);
            if (!Boolean.TRUE.equals(leader)) return 0;
            List<PendingEvent> batch = jdbc.query("""
                    select position, id, aggregateid, type, topic, subject, source, correlation_id, payload, timestamp,
                        aggregateversion, traceparent
                    from outbox_event order by position limit ?""",
                    (rs, i) -> new PendingEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
                            (Long) rs.getObject(11), rs.getString(12)),
                    batchSize);
            if (batch.isEmpty()) return 0;
            send(batch);
            // one statement for the batch (a JDBC batch still executes one statement per row on the server)
            jdbc.update("delete from outbox_event where position = any(?)",
                    (Object) batch.stream().map(PendingEvent::position).toArray(Long[]::new));
            return batch.size();
        });
        return published == null ? 0 : published;
    }

    private void send(List<PendingEvent> batch) {
        if (producer == null) producer = producers.get();
        try {
            sendWith(producer, batch);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            producer = null;
            throw e;
        }
    }

    private void sendWith(Producer<String, byte[]> producer, List<PendingEvent> batch) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<Span> sends = new ArrayList<>(batch.size());
        RuntimeException failure = null;
        try {
            for (PendingEvent event : batch) {
                // events written outside any trace are sent without one
                Span send = event.traceparent() == null ? Span.NOOP
                        : tracing.startFrom(event.traceparent(), "send " + event.topic(), Span.Kind.PRODUCER)
                                .tag("messaging.destination.name", event.topic()).tag("event.type", event.type());
                sends.add(send);
                acks.add(producer.send(event.toRecord(tracing.traceparent(send))));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("interrupted while publishing", e);
        } catch (Exception e) {
            failure = new IllegalStateException("broker did not acknowledge: " + e.getMessage(), e);
        } finally {
            for (Span send : sends) {
                if (failure != null) send.error(failure);
                send.end();
            }
        }
        if (failure != null) throw failure;
    }

    /** Stops the relay thread, then closes the producer, waiting briefly for events in flight. */
    public void close() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
            try {
                running.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (producer != null) producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private void measureLag() {
        lagMeasuredAt = System.currentTimeMillis();
        try {
            jdbc.query("select count(*), min(timestamp) from outbox_event", rs -> {
                pending.set(rs.getLong(1));
                var oldest = rs.getTimestamp(2);
                oldestAgeMillis.set(oldest == null ? 0 : Duration.between(oldest.toInstant(), clock.instant()).toMillis());
            });
        } catch (RuntimeException e) {
            log.debug("could not measure outbox lag: {}", e.toString());
        }
    }

    record PendingEvent(long position, String id, String key, String type, String topic, String subject, String source,
            String correlationId, String payload, Instant time, Long aggregateVersion, String traceparent) {

        /** @param sendContext the send span's {@code traceparent}, null when not traced */
        ProducerRecord<String, byte[]> toRecord(String sendContext) {
            RecordHeaders headers = new RecordHeaders();
            header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
            header(headers, CloudEventHeaders.ID, id);
            header(headers, CloudEventHeaders.SOURCE, source);
            header(headers, CloudEventHeaders.TYPE, type);
            header(headers, CloudEventHeaders.TIME, time.toString());
            header(headers, CloudEventHeaders.SUBJECT, subject);
            header(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
            header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
            header(headers, CloudEventHeaders.AGGREGATE_VERSION, aggregateVersion == null ? null : aggregateVersion.toString());
            header(headers, MessageTracing.TRACEPARENT, sendContext);
            return new ProducerRecord<>(topic, null, key, payload.getBytes(StandardCharsets.UTF_8), headers);
        }

        private static void header(RecordHeaders headers, String name, String value) {
            if (value != null) headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
