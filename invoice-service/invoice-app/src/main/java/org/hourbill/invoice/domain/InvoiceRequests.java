package org.hourbill.invoice.domain;

import java.util.Optional;
import java.util.UUID;

/** The outcome of every invoice request, by run id: a repeated request gets the earlier answer. */
public interface InvoiceRequests {
    enum Outcome { ISSUED, REJECTED, WITHDRAWN }

    record Answer(UUID invoiceRunId, UUID customerId, Outcome outcome, UUID invoiceId, String reason) {
    }

    Optional<Answer> find(UUID invoiceRunId);

    void record(Answer answer);
}
