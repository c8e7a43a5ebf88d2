package org.hourbill.frameorder.events;

import java.util.stream.Stream;

import org.hourbill.testsupport.EventContracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each command and event: stable versioned type, an example that passes its schema and round-trips through its record. */
class EventContractTest {
    static Stream<Class<?>> types() {
        return Stream.of(DrawDownFrameOrder.class, ReverseFrameOrderDrawDown.class, FrameOrderDrawnDown.class,
                FrameOrderDrawDownRejected.class, FrameOrderDrawDownReversed.class);
    }

    @ParameterizedTest
    @MethodSource("types")
    void contract_holds(Class<?> type) throws Exception {
        EventContracts.assertHolds(type);
    }
}
