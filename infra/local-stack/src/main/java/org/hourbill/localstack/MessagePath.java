package org.hourbill.localstack;

import java.util.List;

/**
 * Where on a service's path a CPU sample was taken: the thread (a Kafka consumer, an HTTP request, the producer's I/O
 * thread, the outbox relay) and, for a consumer, the deepest stage of a message's path on its stack (Kafka poll,
 * binder plumbing, the handler, JDBC, offset commit, ...). Read from the frames of a sample, outermost first.
 */
record MessagePath(String thread, String stage) {
    private static final String SERVICE_CODE = "<service>";
    private static final String[][] STAGES = {
        {"ListenerConsumer.pollAndInvoke", "consumer loop (spring-kafka)"},
        {"KafkaConsumer.poll", "kafka poll and fetch"},
        {"commitSync", "offset commit, one per poll"},
        // consumers commit asynchronously, at most once a second (ConsumerContainers): the same stage
        {"commitAsync", "offset commit, one per poll"},
        {"ListenerConsumer.invokeRecordListener", "listener dispatch (spring-kafka)"},
        {"org.springframework.integration.", "binder plumbing (stream, integration, function)"},
        {"org.springframework.cloud.", "binder plumbing (stream, integration, function)"},
        {"org.hourbill.platform.inbox.", "inbox (duplicate check, record)"},
        {SERVICE_CODE, "handler (the service's own code)"},
        {"org.hourbill.platform.outbox.Outbox.", "outbox write"},
        {"org.hourbill.platform.outbox.OutboxRelay", "outbox relay"},
        {"AbstractPlatformTransactionManager.commit", "transaction commit"},
        {"org.postgresql.", "JDBC driver"},
        {"org.apache.catalina.", "Tomcat"},
        {"org.springframework.security.", "security filters"},
        {"org.springframework.web.", "web layer (Spring MVC)"},
        {"tools.jackson.", "JSON"},
        {"org.apache.pdfbox.", "PDF"},
    };

    /**
     * @param threadName the sampled thread
     * @param frames     "class.method" of each frame, outermost (the thread's run) first
     * @param service    the package of the service's own code, e.g. "org.hourbill.frameorder."
     */
    static MessagePath of(String threadName, List<String> frames, String service) {
        String all = String.join(" ", frames);
        String thread = all.contains("OutboxRelay") ? "outbox relay"
                : threadName.contains("kafka-producer-network") ? "producer I/O"
                : all.contains("KafkaMessageListenerContainer") ? "consumer"
                : all.contains("org.apache.coyote.") || all.contains("org.apache.tomcat.") || all.contains("org.apache.catalina.") ? "HTTP request"
                : "other";
        String stage = "other";
        for (String frame : frames) {
            for (String[] s : STAGES) {
                boolean hit = s[0].equals(SERVICE_CODE) ? frame.startsWith(service) : frame.contains(s[0]);
                // the deepest stage wins, but the database stays the database whatever called it
                if (hit && !stage.equals("JDBC driver")) {
                    stage = s[1];
                    break;
                }
            }
        }
        return new MessagePath(thread, stage);
    }
}
