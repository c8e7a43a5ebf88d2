package org.hourbill.invoice.events;

import java.util.stream.Stream;

import org.hourbill.testsupport.EventContracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each command and event: stable versioned type, an example that passes its schema and round-trips through its record. */
class EventContractTest {
    static Stream<Class<?>> types() {
        return Stream.of(IssueInvoice.class, IssueInvoiceV2.class, WithdrawInvoiceRequest.class, InvoiceIssued.class, InvoiceRequestRejected.class,
                InvoiceRequestWithdrawn.class, InvoiceSent.class, InvoiceVoided.class, CreditNoteIssued.class);
    }

    @ParameterizedTest
    @MethodSource("types")
    void contract_holds(Class<?> type) throws Exception {
        EventContracts.assertHolds(type);
    }
}
