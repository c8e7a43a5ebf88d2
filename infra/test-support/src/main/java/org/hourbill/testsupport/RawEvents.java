package org.hourbill.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts hand-made events on the shared broker: redeliveries, poison messages, events of other producers. */
public final class RawEvents {
    private RawEvents() {
    }

    /**
     * Sends a CloudEvents-style record and waits for the broker's acknowledgement. Null id or type are left out.
     *
     * @return where the broker put it
     */
    public static RecordMetadata send(String topic, String key, String id, String type, String payload) {
        RecordHeaders headers = new RecordHeaders();
        if (id != null) headers.add("ce_id", bytes(id));
        if (type != null) headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("test"));
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_time", bytes(Instant.now().toString()));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, null, key, payload, headers)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send test event", e);
        }
    }

    /** The offset a consumer group committed on a topic's partition: the next record it would read; -1 if none. */
    public static long committedOffset(String group, String topic, int partition) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.get().bootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(new TopicPartition(topic, partition));
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            throw new IllegalStateException("could not read the offsets of " + group, e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
