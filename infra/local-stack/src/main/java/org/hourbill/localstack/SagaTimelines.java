package org.hourbill.localstack;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final List<String> SAGA_TOPICS = List.of("frame-order.commands", "frame-order.events", "invoice.commands",
            "invoice.events", "timesheet.commands", "timesheet.events");

    /** Sent beside the draw-down (or the invoice request): on the critical path only when late, then seen in {@link #print}. */
    private static final Set<String> BESIDE_THE_PATH = Set.of("LockEntries.v1", "EntriesLocked.v1");

    record SlowRun(String round, String correlationId, Instant started, Instant finished) {
    }

    private record SagaEvent(String id, String type, String source, Instant written, Instant sent) {
    }

    private SagaTimelines() {
    }

    static void print(String bootstrapServers, Map<Service, Connection> databases, List<SlowRun> runs) throws Exception {
        Set<String> wanted = runs.stream().map(SlowRun::correlationId).collect(Collectors.toSet());
        Map<String, List<SagaEvent>> events = eventsOf(bootstrapServers, wanted);
        for (SlowRun run : runs) {
            System.out.printf("  slowest saga %s: %d ms, from %s (correlation id %s)%n", run.round(),
                    Duration.between(run.started(), run.finished()).toMillis(), CLOCK.format(run.started()), run.correlationId());
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

    /**
     * Where the time of every saga of a round goes, hop by hop along its critical path: the request until its first
     * command is written, then for each event the relay (written to sent), the delivery (sent until the service that
     * writes the next event began processing it: broker, poll, queue) and the handling (until that next event is
     * written), and the last answer until the run finished. Printed per hop: p50, p90, p99, max, and how much longer
     * than its median the hop took on average in the slowest 2 % of sagas, the part of the tail it makes. The lock of the
     * entries runs beside the path and is left out.
     */
    static void printHops(String bootstrapServers, Map<Service, Connection> databases, List<SlowRun> runs) throws Exception {
        Set<String> wanted = runs.stream().map(SlowRun::correlationId).collect(Collectors.toSet());
        Map<String, List<SagaEvent>> events = eventsOf(bootstrapServers, wanted);
        Instant since = runs.stream().map(SlowRun::started).min(Comparator.naturalOrder()).orElseThrow();
        Map<String, Map<Service, Instant>> processed = new HashMap<>();
        for (var db : databases.entrySet()) {
            try (var q = db.getValue().prepareStatement("select event_id, processed_at from processed_event where processed_at >= ?")) {
                q.setTimestamp(1, java.sql.Timestamp.from(since.minusSeconds(1)));
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        processed.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(db.getKey(), rs.getTimestamp(2).toInstant());
                    }
                }
            }
        }
        Map<String, List<Long>> hops = new java.util.LinkedHashMap<>();
        List<Map<String, Long>> perSaga = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (SlowRun run : runs) {
            List<SagaEvent> path = new ArrayList<>(events.getOrDefault(run.correlationId(), List.of()));
            path.removeIf(e -> BESIDE_THE_PATH.contains(e.type()));
            if (path.isEmpty()) continue;
            path.sort(Comparator.comparing(SagaEvent::written));
            Map<String, Long> saga = new java.util.LinkedHashMap<>();
            saga.put("request until " + path.getFirst().type() + " written", millis(run.started(), path.getFirst().written()));
            for (int i = 0; i < path.size(); i++) {
                SagaEvent e = path.get(i);
                Service next = i + 1 < path.size() ? writer(path.get(i + 1)) : Service.BILLING;
                Instant began = processed.getOrDefault(e.id(), Map.of()).get(next);
                saga.put("  relay   " + e.type(), millis(e.written(), e.sent()));
                if (began == null) break;
                saga.put("  deliver " + e.type() + " to " + next.serviceName(), millis(e.sent(), began));
                saga.put("  handle  " + e.type() + " in " + next.serviceName(),
                        millis(began, i + 1 < path.size() ? path.get(i + 1).written() : run.finished()));
            }
            saga.forEach((hop, ms) -> hops.computeIfAbsent(hop, k -> new ArrayList<>()).add(ms));
            perSaga.add(saga);
            totals.add(millis(run.started(), run.finished()));
        }
        List<Long> sortedTotals = totals.stream().sorted().toList();
        long tailFrom = sortedTotals.get(Math.max(0, (int) Math.floor(sortedTotals.size() * 0.98) - 1));
        System.out.printf("  %-64s %5s %5s %5s %5s %12s%n", "hop (ms, " + perSaga.size() + " sagas)", "p50", "p90", "p99", "max",
                "slowest 2 %");
        for (var hop : hops.entrySet()) {
            List<Long> sorted = hop.getValue().stream().sorted().toList();
            long median = percentile(sorted, 50);
            double tail = 0;
            int inTail = 0;
            for (int i = 0; i < perSaga.size(); i++) {
                if (totals.get(i) >= tailFrom && perSaga.get(i).containsKey(hop.getKey())) {
                    tail += perSaga.get(i).get(hop.getKey()) - median;
                    inTail++;
                }
            }
            System.out.printf("  %-64s %5d %5d %5d %5d %+12.0f%n", hop.getKey(), median, percentile(sorted, 90),
                    percentile(sorted, 99), sorted.getLast(), inTail == 0 ? 0 : tail / inTail);
        }
    }

    private static Service writer(SagaEvent event) {
        for (Service s : Service.values()) {
            if (event.source() != null && event.source().contains(s.serviceName())) return s;
        }
        throw new IllegalStateException("no service wrote " + event.type() + " (source " + event.source() + ")");
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
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
                            header(r, "ce_type"), header(r, "ce_source"), Instant.parse(header(r, "ce_time")),
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
