package org.hourbill.invoice.events;

import java.nio.file.Path;

import org.hourbill.testsupport.SchemaEvolution;
import org.junit.jupiter.api.Test;

/** The published schemas only grow: against those of the last release (src/test/resources/released-schemas). */
class SchemaEvolutionTest {
    @Test
    void every_change_to_a_published_schema_is_additive() throws Exception {
        SchemaEvolution.assertOnlyAdditive(Path.of("src/main/resources/org/hourbill/invoice/events"), Path.of("src/test/resources/released-schemas"));
    }
}
