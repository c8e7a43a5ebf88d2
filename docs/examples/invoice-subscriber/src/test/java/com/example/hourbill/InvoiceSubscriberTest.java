package com.example.hourbill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hourbill.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;

import com.example.hourbill.InvoiceSubscriber.Outcome;
import com.example.hourbill.InvoiceSubscriber.Verdict;

/**
 * The example subscriber against a real broker, on records shaped as Hourbill's relay writes them: valid ones taken in
 * version order, a redelivery skipped, a gap reported, a payload that breaks its schema refused.
 */
class InvoiceSubscriberTest {

    @Test
    void checks_each_record_against_its_published_schema_and_follows_the_aggregate_version() throws Exception {
        String bootstrap = SharedInfrastructure.get().bootstrapServers();
        String topic = InvoiceSubscriber.TOPIC + "-" + UUID.randomUUID(); // the shared broker's own invoice.events is left alone
        SharedInfrastructure.get().createTopic(topic, 1);
        String customer = UUID.randomUUID().toString();
        String issued = example("InvoiceIssued.v1");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record(topic, customer, "InvoiceIssued.v1", 1, issued));
            producer.send(record(topic, customer, "InvoiceSent.v1", 2, example("InvoiceSent.v1")));
            producer.send(record(topic, customer, "InvoiceSent.v1", 2, example("InvoiceSent.v1"))); // redelivered after a crash
            producer.send(record(topic, customer, "InvoiceIssued.v1", 5, issued)); // 3 and 4 not seen
            producer.send(record(topic, customer, "InvoiceIssued.v1", 6, issued.replace("\"number\"", "\"nummer\"")));
            producer.flush();
        }

        List<Verdict> verdicts = new ArrayList<>();
        try (InvoiceSubscriber subscriber = new InvoiceSubscriber(bootstrap, "example-" + UUID.randomUUID(), topic)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (verdicts.size() < 5 && System.nanoTime() < deadline) verdicts.addAll(subscriber.poll(Duration.ofMillis(500)));
        }

        assertThat(verdicts).extracting(Verdict::outcome)
                .containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.DUPLICATE, Outcome.GAP_BEFORE, Outcome.INVALID);
        assertThat(verdicts.get(3).problems()).containsExactly("versions 3 to 4 not seen");
        assertThat(String.join(" ", verdicts.get(4).problems())).contains("number");
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, String type, long version, String payload) {
        var record = new ProducerRecord<>(topic, key, payload.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8))
                .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_aggregateversion", String.valueOf(version).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The example the contract module publishes beside each schema. */
    private static String example(String type) throws Exception {
        try (var in = InvoiceSubscriberTest.class.getResourceAsStream("/org/hourbill/invoice/events/" + type + ".example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
