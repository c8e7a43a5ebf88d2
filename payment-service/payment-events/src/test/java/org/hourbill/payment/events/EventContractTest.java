package org.hourbill.payment.events;

import java.util.stream.Stream;

import org.hourbill.testsupport.EventContracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each event: stable versioned type, an example that passes its schema and round-trips through its record. */
class EventContractTest {
    static Stream<Class<?>> types() {
        return Stream.of(PaymentRecorded.class, PaymentReversed.class, InvoicePaid.class);
    }

    @ParameterizedTest
    @MethodSource("types")
    void contract_holds(Class<?> type) throws Exception {
        EventContracts.assertHolds(type);
    }
}
