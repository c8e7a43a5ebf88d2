package org.hourbill.timesheet.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.hourbill.testsupport.EventContracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.networknt.schema.ValidationMessage;

/** The published contract holds together: each example passes its schema and survives a round trip through its record. */
class EventContractTest {

    static Stream<Class<?>> eventTypes() {
        return Stream.of(EntriesApproved.class, EntriesReopened.class, CustomerChanged.class, ProjectChanged.class,
                MarkEntriesBilled.class, EntriesBilled.class, MarkEntriesWrittenOff.class, ReleaseEntries.class, LockEntries.class,
                EntriesLocked.class, EntriesNotLocked.class);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void contract_holds(Class<?> eventType) throws Exception {
        EventContracts.assertHolds(eventType);
    }

    @Test
    void schema_refuses_an_entry_without_hours() throws Exception {
        var example = (com.fasterxml.jackson.databind.node.ObjectNode) EventContracts.example(EntriesApproved.class);
        ((com.fasterxml.jackson.databind.node.ObjectNode) example.withArray("entries").get(0)).remove("hours");
        assertThat(EventContracts.schema(EntriesApproved.class).validate(example))
                .extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("hours"));
    }
}
