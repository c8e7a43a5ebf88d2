package org.hourbill.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hourbill.platform.outbox.Outbox;
import org.hourbill.platform.outbox.OutboxRelay;
import org.hourbill.platform.outbox.OutgoingEvent;
import org.hourbill.platform.web.CorrelationIdFilter;
import org.hourbill.testsupport.SharedInfrastructure;
import org.hourbill.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** The outbox and its relay against the real PostgreSQL and broker. */
class OutboxRelayTest {
    static RealDatabase db;
    static Outbox outbox;
    static Producer<String, byte[]> live;

    record Numbered(int seq) {
    }

    @BeforeAll
    static void setUp() {
        db = RealDatabase.migrated("platform_outbox");
        outbox = new Outbox(db.jdbc(), JsonMapper.builder().build(), "test-source", Clock.systemUTC());
        live = producer(SharedInfrastructure.get().bootstrapServers());
    }

    @AfterAll
    static void tearDown() {
        live.close();
    }

    @Test
    void committed_events_are_published_in_order_per_key_with_their_envelope_and_rolled_back_ones_never() {
        String topic = newTopic();
        MDC.put(CorrelationIdFilter.MDC_KEY, "corr-7");
        try {
            db.transaction().executeWithoutResult(tx -> IntStream.range(0, 50).forEach(i ->
                    outbox.append(new OutgoingEvent(topic, "Numbered.v1", "thing", i % 2 == 0 ? "A" : "B", "thing/" + i, new Numbered(i)))));
            db.transaction().executeWithoutResult(tx -> {
                outbox.append(new OutgoingEvent(topic, "Numbered.v1", "thing", "A", null, new Numbered(999)));
                tx.setRollbackOnly();
            });
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }

        relay(live).publishPending();

        var records = TopicReader.read(topic, Duration.ofSeconds(20), r -> r.size() >= 50);
        assertThat(records).hasSize(50).noneMatch(r -> r.value().contains("999"));
        assertThat(sequence(records, "A")).isSorted().hasSize(25);
        assertThat(sequence(records, "B")).isSorted().hasSize(25);
        assertThat(records.getFirst().headers()).containsEntry("ce_type", "Numbered.v1").containsEntry("ce_source", "test-source")
                .containsEntry("ce_specversion", "1.0").containsEntry("ce_correlationid", "corr-7").containsKeys("ce_id", "ce_time", "ce_subject");
        assertThat(pending()).isZero();
    }

    @Test
    void an_unreachable_broker_delays_events_but_loses_none() {
        String topic = newTopic();
        db.transaction().executeWithoutResult(tx -> IntStream.range(0, 5).forEach(i ->
                outbox.append(new OutgoingEvent(topic, "Numbered.v1", "thing", "K", null, new Numbered(i)))));
        var meters = new SimpleMeterRegistry();
        var down = new OutboxRelay(db.jdbc(), db.transaction(), () -> producer("localhost:1"), 100, Duration.ofSeconds(2), meters);
        down.publishPending();
        down.publishPending(); // a second attempt with a fresh producer fails the same way, and loses nothing
        down.close();
        assertThat(pending()).isEqualTo(5);
        assertThat(meters.get("outbox.pending").gauge().value()).isEqualTo(5.0);

        relay(live).publishPending(); // a restarted relay finds them

        assertThat(sequence(TopicReader.read(topic, Duration.ofSeconds(20), r -> r.size() >= 5), "K")).containsExactly(0, 1, 2, 3, 4);
        assertThat(pending()).isZero();
    }

    @Test
    void two_relays_running_at_once_publish_each_event_once_and_in_order() throws Exception {
        String topic = newTopic();
        db.transaction().executeWithoutResult(tx -> IntStream.range(0, 300).forEach(i ->
                outbox.append(new OutgoingEvent(topic, "Numbered.v1", "thing", "K", null, new Numbered(i)))));
        try (var pool = Executors.newFixedThreadPool(2)) {
            var first = relay(live, 10);
            var second = relay(live, 10);
            var done = new ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 20; i++) {
                done.add(pool.submit(first::publishPending));
                done.add(pool.submit(second::publishPending));
            }
            for (var f : done) f.get();
        }
        relay(live).publishPending();
        var records = TopicReader.read(topic, Duration.ofSeconds(20), r -> r.size() >= 300);
        assertThat(records.stream().map(r -> r.headers().get("ce_id")).distinct()).hasSize(300);
        assertThat(sequence(records, "K")).hasSize(300).isSorted();
    }

    @Test
    void a_started_relay_publishes_at_commit_without_waiting_for_its_next_poll() {
        String topic = newTopic();
        withRelayWokenAtCommit(signalled -> {
            long committed = System.nanoTime();
            db.transaction().executeWithoutResult(tx ->
                    signalled.append(new OutgoingEvent(topic, "Numbered.v1", "thing", "S", null, new Numbered(1))));
            var records = TopicReader.read(topic, Duration.ofSeconds(20), r -> !r.isEmpty());
            assertThat(records).hasSize(1);
            assertThat(Duration.ofNanos(System.nanoTime() - committed)).isLessThan(Duration.ofSeconds(20));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pending() == 0);
        });
    }

    /** Slow after-commit work of the same transaction (invoice-service renders the PDF there) must not delay its events. */
    @Test
    void the_relay_is_woken_before_the_transactions_other_after_commit_work() {
        String topic = newTopic();
        withRelayWokenAtCommit(signalled -> {
            var publishedDuringLaterWork = new java.util.concurrent.atomic.AtomicBoolean();
            db.transaction().executeWithoutResult(tx -> {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() { // registered before the event, as the fingerprint of an issued invoice is
                        publishedDuringLaterWork.set(!TopicReader.read(topic, Duration.ofSeconds(15), r -> !r.isEmpty()).isEmpty());
                    }
                });
                signalled.append(new OutgoingEvent(topic, "Numbered.v1", "thing", "S", null, new Numbered(1)));
            });
            assertThat(publishedDuringLaterWork).isTrue();
        });
    }

    @Test
    void each_event_carries_its_aggregate_version_one_more_per_key_on_its_topic_and_a_rolled_back_one_uses_none() {
        String topic = newTopic();
        String other = newTopic();
        db.transaction().executeWithoutResult(tx -> outbox.appendAll(List.of(
                new OutgoingEvent(topic, "Numbered.v1", "thing", "A", null, new Numbered(1)),
                new OutgoingEvent(topic, "Numbered.v1", "thing", "B", null, new Numbered(2)),
                new OutgoingEvent(topic, "Numbered.v1", "thing", "A", null, new Numbered(3)),
                new OutgoingEvent(other, "Numbered.v1", "thing", "A", null, new Numbered(4)))));
        db.transaction().executeWithoutResult(tx -> {
            outbox.append(new OutgoingEvent(topic, "Numbered.v1", "thing", "A", null, new Numbered(5)));
            tx.setRollbackOnly();
        });
        // writers of one key in parallel: their versions follow their commits, none twice, none skipped
        try (var writers = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 20; i++) {
                int n = 10 + i;
                writers.submit(() -> db.transaction().executeWithoutResult(tx ->
                        outbox.append(new OutgoingEvent(topic, "Numbered.v1", "thing", "A", null, new Numbered(n)))));
            }
        }

        relay(live).publishPending();

        var records = TopicReader.read(topic, Duration.ofSeconds(20), r -> r.size() >= 22);
        List<Integer> versionsOfA = records.stream().filter(r -> "A".equals(r.key()))
                .map(r -> Integer.parseInt(r.headers().get("ce_aggregateversion"))).toList();
        assertThat(versionsOfA).containsExactlyElementsOf(IntStream.rangeClosed(1, 22).boxed().toList());
        assertThat(records.stream().filter(r -> "A".equals(r.key())).limit(2).map(r -> r.value()))
                .containsExactly("{\"seq\":1}", "{\"seq\":3}");
        assertThat(records.stream().filter(r -> "B".equals(r.key())).map(r -> r.headers().get("ce_aggregateversion")))
                .containsExactly("1");
        assertThat(TopicReader.read(other, Duration.ofSeconds(20), r -> !r.isEmpty()).getFirst().headers())
                .containsEntry("ce_aggregateversion", "1");
    }

    /** The writer's commit is durable; the relay's delete (which only re-sends if lost) does not wait for the WAL's flush. */
    @Test
    void the_relay_commits_its_delete_without_waiting_for_the_flush_and_the_writer_durably() {
        String topic = newTopic();
        // the test server commits asynchronously by default; this database's new connections as production does
        String database = db.jdbc().queryForObject("select current_database()", String.class);
        db.jdbc().execute("alter database " + database + " set synchronous_commit = on");
        db.jdbc().execute("""
                create table if not exists outbox_commit_mode (operation text, synchronous_commit text);
                truncate outbox_commit_mode;
                create or replace function record_outbox_commit_mode() returns trigger language plpgsql as $$
                begin
                    insert into outbox_commit_mode values (tg_op, current_setting('synchronous_commit'));
                    return null;
                end $$;
                create or replace trigger outbox_commit_mode after insert or delete on outbox_event
                    for each statement execute function record_outbox_commit_mode();
                """);
        try {
            db.transaction().executeWithoutResult(tx ->
                    outbox.append(new OutgoingEvent(topic, "Numbered.v1", "thing", "M", null, new Numbered(1))));
            relay(live).publishPending();

            assertThat(TopicReader.read(topic, Duration.ofSeconds(20), r -> !r.isEmpty())).hasSize(1);
            assertThat(db.jdbc().queryForList("select operation || ' ' || synchronous_commit from outbox_commit_mode", String.class))
                    .containsExactly("INSERT on", "DELETE off");
            // set for the relay's transaction only: the pooled connection goes back as it came
            assertThat(db.jdbc().queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        } finally {
            db.jdbc().execute("drop trigger outbox_commit_mode on outbox_event");
            db.jdbc().execute("alter database " + database + " reset synchronous_commit");
        }
    }

    /** Runs the test with an outbox whose commits wake a started relay; that relay polls only every 10 minutes. */
    private static void withRelayWokenAtCommit(java.util.function.Consumer<Outbox> test) {
        var signal = new org.hourbill.platform.outbox.OutboxSignal();
        var signalled = new Outbox(db.jdbc(), JsonMapper.builder().build(), "test-source", Clock.systemUTC(), signal,
                org.hourbill.platform.tracing.MessageTracing.none());
        OutboxRelay relay = relay(producer(SharedInfrastructure.get().bootstrapServers()));
        relay.start(signal, Duration.ofMinutes(10)); // first run at start, then only the signal can wake it within the test
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
            test.accept(signalled);
        } finally {
            relay.close();
        }
    }

    @BeforeEach
    void emptyOutbox() {
        db.jdbc().update("delete from outbox_event");
    }

    private static String newTopic() {
        String topic = "outbox-test-" + UUID.randomUUID();
        SharedInfrastructure.get().createTopic(topic, 3);
        return topic;
    }

    private static List<Integer> sequence(List<TopicReader.Record> records, String key) {
        return records.stream().filter(r -> key.equals(r.key()))
                .map(r -> Integer.parseInt(r.value().replaceAll("\\D", ""))).toList();
    }

    private static int pending() {
        return db.jdbc().queryForObject("select count(*) from outbox_event", Integer.class);
    }

    private static OutboxRelay relay(Producer<String, byte[]> producer) {
        return relay(producer, 100);
    }

    private static OutboxRelay relay(Producer<String, byte[]> producer, int batchSize) {
        return new OutboxRelay(db.jdbc(), db.transaction(), () -> producer, batchSize, Duration.ofSeconds(10), new SimpleMeterRegistry());
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000), new StringSerializer(), new ByteArraySerializer());
    }
}
