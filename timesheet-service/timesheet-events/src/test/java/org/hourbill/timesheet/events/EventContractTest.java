package org.hourbill.timesheet.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import tools.jackson.databind.json.JsonMapper;

/** The published contract holds together: each example passes its schema and survives a round trip through its record. */
class EventContractTest {
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final com.fasterxml.jackson.databind.ObjectMapper schemaJson = new com.fasterxml.jackson.databind.ObjectMapper();

    static Stream<Class<?>> eventTypes() {
        return Stream.of(EntriesApproved.class, EntriesReopened.class, CustomerChanged.class, ProjectChanged.class);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void example_passes_schema_and_round_trips_through_the_record(Class<?> eventType) throws Exception {
        String type = (String) eventType.getField("TYPE").get(null);
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(resource(type + ".schema.json"));
        var example = schemaJson.readTree(resource(type + ".example.json"));

        assertThat(schema.validate(example)).isEmpty();

        Object event = json.readValue(example.toString(), eventType);
        var roundTripped = schemaJson.readTree(json.writeValueAsString(event));
        Set<ValidationMessage> errors = schema.validate(roundTripped);
        assertThat(errors).isEmpty();
        assertThat(roundTripped).isEqualTo(example);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void type_name_is_stable_and_versioned(Class<?> eventType) throws Exception {
        String type = (String) eventType.getField("TYPE").get(null);
        assertThat(type).isEqualTo(eventType.getSimpleName() + ".v1");
    }

    @org.junit.jupiter.api.Test
    void schema_refuses_an_entry_without_hours() throws Exception {
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(resource("EntriesApproved.v1.schema.json"));
        var example = (com.fasterxml.jackson.databind.node.ObjectNode) schemaJson.readTree(resource("EntriesApproved.v1.example.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) example.withArray("entries").get(0)).remove("hours");
        assertThat(schema.validate(example)).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("hours"));
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = EventContractTest.class.getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
