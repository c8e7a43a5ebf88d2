package com.example.hourbill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * A system that subscribes to Hourbill's invoices, written the way any Kafka client would: no Spring, no Hourbill
 * code but the published contract ({@code invoice-events}, whose jar holds each message's JSON Schema).
 *
 * <p>Each record is a CloudEvent in binary mode: {@code ce_type} names the message and its schema, the value is the
 * JSON payload, and {@code ce_aggregateversion} numbers the records of one key (1, 2, 3...). The subscriber checks the
 * payload against its schema and the version against the last one it saw for the key: a duplicate (a redelivery after a
 * crash) is skipped, a gap is reported. Run: {@code java com.example.hourbill.InvoiceSubscriber localhost:19092}.
 */
public final class InvoiceSubscriber implements AutoCloseable {
    public static final String TOPIC = "invoice.events";

    /** What the subscriber made of one record. */
    public record Verdict(String key, String type, long version, Outcome outcome, List<String> problems) {
    }

    public enum Outcome { ACCEPTED, DUPLICATE, GAP_BEFORE, INVALID }

    private final KafkaConsumer<String, byte[]> consumer;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    /** The last version accepted per key; a real subscriber keeps this with its own state, in one transaction. */
    private final Map<String, Long> lastVersion = new HashMap<>();

    public InvoiceSubscriber(String bootstrapServers, String group) {
        this(bootstrapServers, group, TOPIC);
    }

    /** @param topic {@value #TOPIC}, or another topic carrying the same records (a test's own) */
    public InvoiceSubscriber(String bootstrapServers, String group, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(Set.of(topic));
    }

    /** One poll: each record checked, then the offsets committed (what was read is not read again). */
    public List<Verdict> poll(Duration timeout) {
        List<Verdict> verdicts = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            verdicts.add(check(record));
        }
        if (!verdicts.isEmpty()) consumer.commitSync();
        return verdicts;
    }

    Verdict check(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        long version = Long.parseLong(header(record, "ce_aggregateversion"));
        List<String> problems = new ArrayList<>();
        try {
            JsonNode payload = json.readTree(new String(record.value(), StandardCharsets.UTF_8));
            for (ValidationMessage message : schema(type).validate(payload)) problems.add(message.getMessage());
        } catch (IOException e) {
            problems.add("not JSON: " + e.getMessage());
        }
        if (!problems.isEmpty()) return new Verdict(record.key(), type, version, Outcome.INVALID, problems);
        long last = lastVersion.getOrDefault(record.key(), 0L);
        if (version <= last) return new Verdict(record.key(), type, version, Outcome.DUPLICATE, List.of());
        lastVersion.put(record.key(), version);
        // a gap: versions last+1..version-1 were not seen (yet); the record is still taken, and the gap reported
        return new Verdict(record.key(), type, version, version == last + 1 ? Outcome.ACCEPTED : Outcome.GAP_BEFORE,
                version == last + 1 ? List.of() : List.of("versions " + (last + 1) + " to " + (version - 1) + " not seen"));
    }

    /** The message's schema, from the contract jar: {@code /org/hourbill/invoice/events/<ce_type>.schema.json}. */
    private JsonSchema schema(String type) {
        return schemas.computeIfAbsent(type, t -> {
            try (InputStream in = getClass().getResourceAsStream("/org/hourbill/invoice/events/" + t + ".schema.json")) {
                if (in == null) throw new IllegalArgumentException("no published schema for " + t);
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) throw new IllegalArgumentException("record without " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static void main(String[] args) {
        try (InvoiceSubscriber subscriber = new InvoiceSubscriber(args.length > 0 ? args[0] : "localhost:19092", "example-subscriber")) {
            while (!Thread.currentThread().isInterrupted()) {
                for (Verdict v : subscriber.poll(Duration.ofSeconds(1))) {
                    System.out.printf("%-10s %-28s key %s version %d %s%n", v.outcome(), v.type(), v.key(), v.version(), v.problems());
                }
            }
        }
    }
}
