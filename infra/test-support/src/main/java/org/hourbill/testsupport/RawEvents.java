package org.hourbill.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts hand-made events on the shared broker: redeliveries, poison messages, events of other producers. */
public final class RawEvents {
    private RawEvents() {
    }

    /** Sends a CloudEvents-style record and waits for the broker's acknowledgement. Null id or type are left out. */
    public static void send(String topic, String key, String id, String type, String payload) {
        RecordHeaders headers = new RecordHeaders();
        if (id != null) headers.add("ce_id", bytes(id));
        if (type != null) headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("test"));
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_time", bytes(Instant.now().toString()));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, payload, headers)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send test event", e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
