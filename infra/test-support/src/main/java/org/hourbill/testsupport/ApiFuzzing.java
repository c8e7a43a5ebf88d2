package org.hourbill.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;


import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks every operation of a service's published OpenAPI document and sends it generated and mutated requests:
 * bodies built from the operation's own schema, then broken one field at a time (wrong types, boundaries, huge and
 * over-precise numbers, NUL and control characters, long and non-Latin text, missing and extra fields), and unknown
 * or malformed ids in the path. No answer may be 5xx, every 4xx is problem+json, and every answer is one the document
 * lists for the operation with a body its schema accepts (networknt's JSON Schema validator, draft 2020-12 as in
 * OpenAPI 3.1; a null field counts as absent, since the document does not mark nullable fields). Seeded: a failure
 * names the seed and the request, and the same seed sends the same requests again.
 */
public final class ApiFuzzing {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> AWKWARD_TEXT = List.of("", " ", "A\u0000B", "\u0007bell", "Müller & Søn — 株式会社",
            "Ελληνικά Кириллица", "x".repeat(10_000), "' or 1=1 --", "<script>alert(1)</script>", "\uD83D\uDE00", "%00", "../../etc/passwd");
    private static final List<String> AWKWARD_IDS = List.of("x", "0", "%00", "00000000-0000-0000-0000-000000000000", "1e9999",
            "ä", "-1", "null", "a".repeat(300));
    private static final List<Object> AWKWARD_NUMBERS = List.of(new BigDecimal("1e300"), new BigDecimal("-1e300"),
            new BigDecimal("10000000000000"), new BigDecimal("0.123456789"), new BigDecimal("-0.01"), 0, -1, Long.MAX_VALUE,
            new BigDecimal("99999999999999999999999999"), "12", true);

    private final MockMvc http;
    private final Random random;
    private final long seed;
    private final JsonNode document;
    private final List<String> failures = new ArrayList<>();
    private int sent;
    private int checkedBodies;

    private ApiFuzzing(MockMvc http, long seed, JsonNode document) {
        this.http = http;
        this.seed = seed;
        this.random = new Random(seed);
        this.document = document;
    }

    /** Sends {@code perOperation} requests to each operation; returns how many were sent in all. */
    public static int verify(MockMvc http, long seed, int perOperation) throws Exception {
        ApiFuzzing fuzzing = new ApiFuzzing(http, seed, JsonMapper.builder().build().readTree(ApiDocument.fetch(http)));
        fuzzing.run(perOperation);
        assertThat(fuzzing.failures.stream().limit(15).toList()).as("seed %d: %d requests answered 5xx or without problem+json, first 15",
                seed, fuzzing.failures.size()).isEmpty();
        assertThat(fuzzing.checkedBodies).as("answers checked against their documented schema").isPositive();
        return fuzzing.sent;
    }

    private void run(int perOperation) throws Exception {
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase());
                for (int i = 0; i < perOperation; i++) send(method, path.getKey(), operation.getValue(), i);
            }
        }
    }

    private void send(HttpMethod method, String template, JsonNode operation, int round) throws Exception {
        String uri = template;
        var query = new ArrayList<String>();
        for (JsonNode parameter : iterable(operation.path("parameters"))) {
            String name = parameter.path("name").asString();
            String value = parameterValue(schemaOf(parameter.path("schema")), round);
            if ("path".equals(parameter.path("in").asString())) {
                uri = uri.replace("{" + name + "}", encode(value));
            } else if ("query".equals(parameter.path("in").asString()) && (random.nextBoolean() || parameter.path("required").asBoolean())) {
                query.add(encode(name) + "=" + encode(value));
            }
        }
        if (!query.isEmpty()) uri += "?" + String.join("&", query);
        var request = MockMvcRequestBuilders.request(method, java.net.URI.create(uri)).accept(MediaType.APPLICATION_JSON,
                MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL);
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        String body = null;
        if (!bodySchema.isMissingNode()) {
            JsonNode valid = value(schemaOf(bodySchema), 0);
            body = round == 0 ? valid.toString() : mutate(valid, round).toString();
            request.contentType(round % 17 == 5 ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON).content(round % 19 == 7 ? "{" : body);
        }
        sent++;
        MockHttpServletResponse response = http.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        String type = response.getContentType();
        boolean problem = type != null && MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        String answer = response.getContentAsString();
        String wrong = status >= 500 || (status >= 400 && !problem) ? "" : undocumented(operation, status, type, answer);
        if (wrong != null) {
            failures.add(status + " " + method + " " + shortened(uri) + (body == null ? "" : " " + shortened(body)) + " -> "
                    + shortened(answer) + (wrong.isEmpty() ? "" : " (" + shortened(wrong) + ")"));
        }
    }

    /** Why the answer is not one the document promises, or null when it is. */
    private String undocumented(JsonNode operation, int status, String contentType, String answer) throws Exception {
        JsonNode documented = operation.path("responses").path(String.valueOf(status));
        if (documented.isMissingNode()) return "status " + status + " is not documented for the operation";
        if (contentType == null || answer.isBlank() || !contentType.contains("json")) return null;
        JsonNode content = documented.path("content");
        JsonNode media = content.has(contentType.split(";")[0]) ? content.get(contentType.split(";")[0])
                : content.has("application/json") ? content.get("application/json") : content.path("*/*");
        if (media.path("schema").isMissingNode()) return null;
        var schema = RESPONSE_SCHEMAS.getSchema(LEGACY_JSON.readTree(withComponents(media.get("schema")).toString()));
        var messages = schema.validate(withoutNulls(LEGACY_JSON.readTree(answer)));
        checkedBodies++;
        return messages.isEmpty() ? null : messages.iterator().next().getMessage();
    }

    /** A schema that resolves the document's {@code #/components/...} references on its own. */
    private JsonNode withComponents(JsonNode schema) {
        ObjectNode root = schema.isObject() ? ((ObjectNode) schema).deepCopy() : NODES.objectNode();
        root.set("components", document.path("components"));
        return root;
    }

    private static com.fasterxml.jackson.databind.JsonNode withoutNulls(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.properties().removeIf(e -> e.getValue().isNull());
            object.forEach(ApiFuzzing::withoutNulls);
        } else if (node.isArray()) {
            node.forEach(ApiFuzzing::withoutNulls);
        }
        return node;
    }

    private static final com.networknt.schema.JsonSchemaFactory RESPONSE_SCHEMAS =
            com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012);
    private static final com.fasterxml.jackson.databind.ObjectMapper LEGACY_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The valid value of a schema, then in later rounds one field at a time replaced by something awkward. */
    private JsonNode mutate(JsonNode valid, int round) {
        if (!(valid instanceof ObjectNode object) || object.isEmpty() || round % 11 == 3) {
            return awkward(round);
        }
        ObjectNode copy = object.deepCopy();
        List<String> fields = new ArrayList<>(copy.propertyNames());
        String field = fields.get(random.nextInt(fields.size()));
        switch (round % 5) {
            case 0 -> copy.remove(field);
            case 1 -> copy.put("unexpected" + round, "extra");
            default -> copy.set(field, awkward(round));
        }
        return copy;
    }

    private JsonNode awkward(int round) {
        return switch (random.nextInt(5)) {
            case 0, 1 -> NODES.stringNode(AWKWARD_TEXT.get(random.nextInt(AWKWARD_TEXT.size())));
            case 2 -> numberNode(AWKWARD_NUMBERS.get(random.nextInt(AWKWARD_NUMBERS.size())));
            case 3 -> NODES.arrayNode().add(NODES.stringNode(AWKWARD_IDS.get(random.nextInt(AWKWARD_IDS.size()))));
            default -> round % 2 == 0 ? NODES.nullNode() : NODES.objectNode().put("nested", "x");
        };
    }

    private static JsonNode numberNode(Object n) {
        return switch (n) {
            case BigDecimal d -> NODES.numberNode(d);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Boolean b -> NODES.booleanNode(b);
            default -> NODES.stringNode(String.valueOf(n));
        };
    }

    /** A plausible value of the schema: what a well-behaved client would send. */
    private JsonNode value(JsonNode schema, int depth) {
        if (depth > 6) return NODES.nullNode();
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString() : schema.path("type").asString("object");
        String format = schema.path("format").asString("");
        return switch (type) {
            case "string" -> switch (format) {
                case "uuid" -> NODES.stringNode(UUID.randomUUID().toString());
                case "date" -> NODES.stringNode(TestClock.today().minusDays(random.nextInt(60)).toString());
                case "date-time" -> NODES.stringNode(TestClock.START);
                default -> NODES.stringNode("Fuzz " + Integer.toString(random.nextInt(1_000_000), 36));
            };
            case "integer" -> NODES.numberNode(random.nextInt(60));
            case "number" -> NODES.numberNode(BigDecimal.valueOf(random.nextInt(100_000), 2));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int n = 1 + random.nextInt(2);
                for (int i = 0; i < n; i++) array.add(value(schemaOf(schema.path("items")), depth + 1));
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    object.set(property.getKey(), value(schemaOf(property.getValue()), depth + 1));
                }
                yield object;
            }
        };
    }

    private String parameterValue(JsonNode schema, int round) {
        if (round > 0 && random.nextInt(3) == 0) return AWKWARD_IDS.get(random.nextInt(AWKWARD_IDS.size()));
        if (round > 0 && random.nextInt(4) == 0) return AWKWARD_TEXT.get(random.nextInt(AWKWARD_TEXT.size() - 1));
        JsonNode value = value(schema, 0);
        return value.isString() ? value.asString() : value.toString();
    }

    /** Follows a {@code $ref} into the document's components. */
    private JsonNode schemaOf(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) {
            JsonNode oneOf = schema.has("oneOf") ? schema.get("oneOf") : schema.path("anyOf");
            return oneOf.isArray() && !oneOf.isEmpty() ? schemaOf(oneOf.get(0)) : schema;
        }
        return schemaOf(document.at(ref.substring(1)));
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return () -> array.isArray() ? array.values().iterator() : (Iterator<JsonNode>) java.util.Collections.<JsonNode>emptyIterator();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shortened(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
