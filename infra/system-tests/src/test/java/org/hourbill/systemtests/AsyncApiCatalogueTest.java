package org.hourbill.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hourbill.localstack.Service;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/asyncapi.yaml and the contract modules say the same: every topic the system creates (but the dead-letter
 * ones) is a channel, every message a channel carries has its schema file in a contract module under its own name,
 * and every schema a contract module publishes is a message of exactly one channel.
 */
class AsyncApiCatalogueTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final RunningSystem system = RunningSystem.get();
    static final Path ROOT = DocumentationLinksTest.ROOT;
    static final Path DOCUMENT = ROOT.resolve("docs/asyncapi.yaml");

    @Test
    @SuppressWarnings("unchecked")
    void the_catalogue_names_every_topic_and_every_published_schema_once() throws IOException {
        Map<String, Object> api;
        try (Reader in = Files.newBufferedReader(DOCUMENT)) {
            api = new Yaml().load(in);
        }
        assertThat(api.get("asyncapi")).isEqualTo("3.0.0");
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) api.get("channels");
        Set<String> addresses = channels.values().stream().map(c -> (String) c.get("address")).collect(Collectors.toSet());
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(
                Service.TOPICS.stream().filter(t -> !t.endsWith(".dlq")).toList());

        Map<String, Map<String, Object>> messages =
                (Map<String, Map<String, Object>>) ((Map<String, Object>) api.get("components")).get("messages");
        Set<String> carried = new HashSet<>();
        for (Map<String, Object> channel : channels.values()) {
            for (String name : ((Map<String, Object>) channel.get("messages")).keySet()) {
                assertThat(carried.add(name)).as("%s on one channel only", name).isTrue();
                assertThat(messages).as("message %s", name).containsKey(name);
            }
        }
        for (var message : messages.entrySet()) {
            Map<String, Object> payload = (Map<String, Object>) message.getValue().get("payload");
            String ref = (String) ((Map<String, Object>) payload.get("schema")).get("$ref");
            Path schema = DOCUMENT.getParent().resolve(ref).normalize();
            assertThat(schema).as("schema of %s", message.getKey()).exists();
            assertThat(schema.getFileName().toString()).isEqualTo(message.getKey() + ".schema.json");
        }
        assertThat(carried).containsExactlyInAnyOrderElementsOf(messages.keySet());
        assertThat(messages.keySet()).as("every schema a contract module publishes").containsExactlyInAnyOrderElementsOf(published());
    }

    /**
     * A record as the system really sends it (an invoice issued to a new customer) carries exactly the headers the
     * catalogue declares, the required ones included, and its aggregate's first version.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_published_record_carries_the_declared_headers_and_its_aggregate_version() throws Exception {
        MonthEnd monthEnd = new MonthEnd(system);
        var customer = monthEnd.customer("EUR");
        monthEnd.approvedEntries(customer, java.time.LocalDate.of(2026, 10, 1), 1, "2");
        monthEnd.issuedInvoice(monthEnd.review(customer, null, null));
        var record = org.hourbill.testsupport.TopicReader.read("invoice.events", java.time.Duration.ofSeconds(30),
                found -> found.stream().anyMatch(r -> customer.id().equals(r.key()))).stream()
                .filter(r -> customer.id().equals(r.key()) && "InvoiceIssued.v1".equals(r.type())).findFirst().orElseThrow();

        Map<String, Object> api;
        try (Reader in = Files.newBufferedReader(DOCUMENT)) {
            api = new Yaml().load(in);
        }
        Map<String, Object> headers = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) api.get("components"))
                .get("schemas")).get("CloudEventHeaders");
        Set<String> declared = ((Map<String, Object>) headers.get("properties")).keySet();
        Set<String> sent = new HashSet<>(record.headers().keySet());
        sent.remove("content-type"); // the binding's own header, declared as the message's contentType
        assertThat(declared).containsAll(sent).containsAll((List<String>) headers.get("required"));
        assertThat(sent).containsAll((List<String>) headers.get("required")).contains("traceparent");
        assertThat(record.headers()).containsEntry("ce_aggregateversion", "1");
    }

    /** The schemas of the contract modules (each service's {@code *-events} module). */
    private static List<String> published() throws IOException {
        List<Path> contracts;
        try (Stream<Path> modules = Files.walk(ROOT, 2)) {
            contracts = modules.filter(p -> p.getFileName().toString().endsWith("-events") && Files.isDirectory(p.resolve("src/main/resources")))
                    .map(p -> p.resolve("src/main/resources")).toList();
        }
        assertThat(contracts).as("contract modules").hasSizeGreaterThanOrEqualTo(4);
        List<String> names = new java.util.ArrayList<>();
        for (Path resources : contracts) {
            try (Stream<Path> files = Files.walk(resources)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                        .forEach(n -> names.add(n.replace(".schema.json", "")));
            }
        }
        return names;
    }
}
