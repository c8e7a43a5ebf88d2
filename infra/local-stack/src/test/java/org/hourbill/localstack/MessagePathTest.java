package org.hourbill.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MessagePathTest {
    static final String SERVICE = "org.hourbill.frameorder.";
    static final List<String> CONSUMER = List.of("java.lang.Thread.run",
            "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.run",
            "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.pollAndInvoke");

    static List<String> consumer(String... deeper) {
        var frames = new java.util.ArrayList<>(CONSUMER);
        frames.addAll(List.of(deeper));
        return frames;
    }

    @Test
    void a_consumers_sample_is_told_by_the_deepest_stage_of_the_message_path_on_its_stack() {
        assertThat(MessagePath.of("main-C-1", consumer("org.springframework.cloud.stream.binder.Foo.handle",
                "org.hourbill.platform.inbox.EventInbox.receive", "org.hourbill.frameorder.application.FrameOrderLedger.drawDown",
                "java.util.HashMap.get"), SERVICE)).isEqualTo(new MessagePath("consumer", "handler (the service's own code)"));
        assertThat(MessagePath.of("main-C-1", consumer("org.apache.kafka.clients.consumer.internals.ClassicKafkaConsumer.commitSync"), SERVICE))
                .isEqualTo(new MessagePath("consumer", "offset commit, one per poll"));
        assertThat(MessagePath.of("main-C-1", consumer("org.springframework.integration.channel.AbstractMessageChannel.send",
                "java.util.HashMap.get"), SERVICE)).isEqualTo(new MessagePath("consumer", "binder plumbing (stream, integration, function)"));
        assertThat(MessagePath.of("main-C-1", consumer("org.springframework.integration.channel.AbstractMessageChannel.send",
                "tools.jackson.databind.ObjectMapper.readValue"), SERVICE)).isEqualTo(new MessagePath("consumer", "JSON"));
    }

    @Test
    void the_database_stays_the_database_whatever_called_it() {
        assertThat(MessagePath.of("main-C-1", consumer("org.hourbill.frameorder.adapter.out.persistence.JdbcFrameOrders.drawDown",
                "org.postgresql.jdbc.PgPreparedStatement.executeUpdate", "org.hourbill.platform.SomethingCalledBack.run"), SERVICE).stage())
                .isEqualTo("JDBC driver");
    }

    @Test
    void threads_are_told_apart_by_what_they_run() {
        assertThat(MessagePath.of("http-nio-1", List.of("java.lang.Thread.run", "org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run",
                "org.springframework.security.oauth2.jwt.NimbusJwtDecoder.decode"), SERVICE))
                .isEqualTo(new MessagePath("HTTP request", "security filters"));
        // a filter wraps the whole request: what runs inside it is told by its own stage
        assertThat(MessagePath.of("http-nio-1", List.of("java.lang.Thread.run", "org.apache.catalina.core.StandardWrapperValve.invoke",
                "org.springframework.security.web.FilterChainProxy.doFilter", "org.springframework.web.servlet.DispatcherServlet.doDispatch",
                "tools.jackson.databind.ObjectWriter.writeValue"), SERVICE)).isEqualTo(new MessagePath("HTTP request", "JSON"));
        assertThat(MessagePath.of("kafka-producer-network-thread | x", List.of("java.lang.Thread.run"), SERVICE).thread()).isEqualTo("producer I/O");
        assertThat(MessagePath.of("relay", List.of("java.lang.Thread.run", "org.hourbill.platform.outbox.OutboxRelay.publishBatch"), SERVICE))
                .isEqualTo(new MessagePath("outbox relay", "outbox relay"));
    }
}
