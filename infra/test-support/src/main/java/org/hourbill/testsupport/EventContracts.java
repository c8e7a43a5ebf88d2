package org.hourbill.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a published event contract: each record type has a stable versioned {@code TYPE}, and next to it (as
 * classpath resources in the record's package) a JSON Schema and an example that passes it and survives a round
 * trip through the record unchanged.
 */
public final class EventContracts {
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final com.fasterxml.jackson.databind.ObjectMapper tree = new com.fasterxml.jackson.databind.ObjectMapper();

    private EventContracts() {
    }

    public static void assertHolds(Class<?> eventType) throws Exception {
        String type = typeName(eventType);
        assertThat(type).isEqualTo(expectedTypeName(eventType.getSimpleName()));
        JsonSchema schema = schema(eventType);
        var example = example(eventType);
        assertThat(schema.validate(example)).as("%s example against its schema", type).isEmpty();

        var roundTripped = tree.readTree(json.writeValueAsString(json.readValue(example.toString(), eventType)));
        assertThat(schema.validate(roundTripped)).as("%s after a round trip", type).isEmpty();
        assertThat(roundTripped).as("%s after a round trip", type).isEqualTo(example);
    }

    /** {@code IssueInvoice} is {@code IssueInvoice.v1}; a later version is a record of its own, {@code IssueInvoiceV2}. */
    static String expectedTypeName(String simpleName) {
        var version = java.util.regex.Pattern.compile("(.+)V(\\d+)").matcher(simpleName);
        return version.matches() ? version.group(1) + ".v" + version.group(2) : simpleName + ".v1";
    }

    public static String typeName(Class<?> eventType) throws ReflectiveOperationException {
        return (String) eventType.getField("TYPE").get(null);
    }

    public static JsonSchema schema(Class<?> eventType) throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(resource(eventType, typeName(eventType) + ".schema.json"));
    }

    public static com.fasterxml.jackson.databind.JsonNode example(Class<?> eventType) throws Exception {
        return tree.readTree(resource(eventType, typeName(eventType) + ".example.json"));
    }

    private static InputStream resource(Class<?> eventType, String name) throws IOException {
        InputStream in = eventType.getResourceAsStream(name);
        assertThat(in).as("resource %s next to %s", name, eventType.getName()).isNotNull();
        return in;
    }
}
