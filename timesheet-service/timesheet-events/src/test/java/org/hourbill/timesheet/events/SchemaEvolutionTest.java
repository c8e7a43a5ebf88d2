package org.hourbill.timesheet.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.hourbill.testsupport.SchemaEvolution;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The published schemas only grow: against those of the last release (src/test/resources/released-schemas). */
class SchemaEvolutionTest {
    static final String RELEASED = """
            {"type":"object","required":["entryId","hours"],"description":"an entry",
             "properties":{"entryId":{"type":"string","format":"uuid"},"hours":{"type":"number"},
                           "status":{"type":"string","enum":["APPROVED","BILLED"]},
                           "lines":{"type":"array","items":{"type":"object","properties":{"amount":{"type":"number"}}}}}}""";

    @Test
    void every_change_to_a_published_schema_is_additive() throws Exception {
        SchemaEvolution.assertOnlyAdditive(Path.of("src/main/resources/org/hourbill/timesheet/events"),
                Path.of("src/test/resources/released-schemas"));
    }

    @Test
    void new_optional_fields_and_new_texts_pass() throws Exception {
        String grown = RELEASED.replace("\"description\":\"an entry\"", "\"description\":\"an approved entry\"")
                .replace("\"hours\":{\"type\":\"number\"}", "\"hours\":{\"type\":\"number\"},\"note\":{\"type\":\"string\"}");
        assertThat(changes(grown)).isEmpty();
    }

    @Test
    void removed_retyped_newly_required_or_narrowed_fields_are_named() throws Exception {
        assertThat(changes(RELEASED.replace("\"hours\":{\"type\":\"number\"},", ""))).containsExactly("E.hours: removed");
        assertThat(changes(RELEASED.replace("\"hours\":{\"type\":\"number\"}", "\"hours\":{\"type\":\"string\"}")))
                .containsExactly("E.hours: type changed from \"number\" to \"string\"");
        assertThat(changes(RELEASED.replace("[\"entryId\",\"hours\"]", "[\"entryId\",\"hours\",\"status\"]")))
                .containsExactly("E.status: required anew");
        assertThat(changes(RELEASED.replace("[\"entryId\",\"hours\"]", "[\"entryId\"]"))).containsExactly("E.hours: no longer required");
        assertThat(changes(RELEASED.replace("\"BILLED\"]", "\"BILLED\",\"WRITTEN_OFF\"]"))).singleElement().asString()
                .startsWith("E.status: enum changed");
        assertThat(changes(RELEASED.replace("{\"amount\":{\"type\":\"number\"}}", "{}"))).containsExactly("E.lines[].amount: removed");
    }

    private static java.util.List<String> changes(String current) throws Exception {
        ObjectMapper json = new ObjectMapper();
        return SchemaEvolution.breakingChanges("E", json.readTree(RELEASED), json.readTree(current));
    }
}
