package org.hourbill.localstack;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where a slow saga spent its time. The benchmark gives each generation request its own correlation id, which every
 * event of the run carries; for each of those events this prints when it was written to its service's outbox
 * ({@code ce_time}), when the relay sent it (the record's timestamp) and when each consumer began processing it (its
 * {@code processed_event} row), relative to the generation request.
 */
final class SagaTimelines {
    private static final List<String> SAGA_TOPICS = List.of("frame-order.commands", "frame-order.events", "invoice.commands",
            "invoice.events", "timesheet.commands", "timesheet.events");

    record SlowRun(String round, String correlationId, Instant started, Instant finished) {
    }

    private record SagaEvent(String id, String type, Instant written, Instant sent) {
    }

    private SagaTimelines() {
    }

    static void print(String bootstrapServers, Map<Service, Connection> databases, List<SlowRun> runs) throws Exception {
        Set<String> wanted = runs.stream().map(SlowRun::correlationId).collect(Collectors.toSet());
        Map<String, List<SagaEvent>> events = eventsOf(bootstrapServers, wanted);
        for (SlowRun run : runs) {
            System.out.printf("  slowest saga %s: %d ms (correlation id %s)%n", run.round(),
                    Duration.between(run.started(), run.finished()).toMillis(), run.correlationId());
            List<SagaEvent> ofRun = new ArrayList<>(events.getOrDefault(run.correlationId(), List.of()));
            ofRun.sort(Comparator.comparing(SagaEvent::written));
            for (SagaEvent e : ofRun) {
                StringBuilder consumed = new StringBuilder();
                for (var db : databases.entrySet()) {
                    try (var q = db.getValue().prepareStatement("select consumer, processed_at from processed_event where event_id = ?")) {
                        q.setString(1, e.id());
                        try (var rs = q.executeQuery()) {
                            while (rs.next()) {
                                consumed.append(String.format(" %s +%d", db.getKey().serviceName(),
                                        since(run, rs.getTimestamp(2).toInstant())));
                            }
                        }
                    }
                }
                System.out.printf("    %-34s written +%4d  sent +%4d  processed:%s%n", e.type(), since(run, e.written()),
                        since(run, e.sent()), consumed.isEmpty() ? " (by none)" : consumed);
            }
            System.out.printf("    %-34s +%d%n", "run finished", since(run, run.finished()));
        }
    }

    private static long since(SlowRun run, Instant t) {
        return Duration.between(run.started(), t).toMillis();
    }

    /** Reads the saga topics from the start; keeps the events whose correlation id is wanted. */
    private static Map<String, List<SagaEvent>> eventsOf(String bootstrapServers, Set<String> wanted) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<SagaEvent>> found = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = SAGA_TOPICS.stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String correlationId = header(r, "ce_correlationid");
                    if (correlationId == null || !wanted.contains(correlationId)) continue;
                    found.computeIfAbsent(correlationId, k -> new ArrayList<>()).add(new SagaEvent(header(r, "ce_id"),
                            header(r, "ce_type"), Instant.parse(header(r, "ce_time")),
                            Instant.ofEpochMilli(r.timestamp())));
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
