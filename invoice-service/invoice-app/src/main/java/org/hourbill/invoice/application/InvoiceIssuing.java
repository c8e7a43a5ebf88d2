package org.hourbill.invoice.application;

import java.util.Optional;
import java.util.UUID;

import org.hourbill.invoice.domain.Invoice;
import org.hourbill.invoice.domain.InvoiceRefused;
import org.hourbill.invoice.domain.InvoiceRequest;
import org.hourbill.invoice.domain.InvoiceRequests;
import org.hourbill.invoice.domain.InvoiceRequests.Answer;
import org.hourbill.invoice.domain.InvoiceRequests.Outcome;
import org.hourbill.invoice.domain.InvoiceState;
import org.hourbill.invoice.domain.InvoiceStatus;
import org.hourbill.invoice.domain.Invoices;
import org.hourbill.invoice.domain.NumberSeries;
import org.hourbill.invoice.domain.NumberingPlan;
import org.hourbill.invoice.domain.Seller;
import org.hourbill.invoice.domain.StatusChange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues invoices asked for by invoice runs. The request is checked and priced before a number is drawn; the
 * number, the frozen invoice, the request's outcome and the event announcing it commit together; the PDF's SHA-256
 * is taken right after. A request that
 * comes again (same run id) is answered again with its first outcome, never with a second invoice.
 */
@Service
@Transactional
public class InvoiceIssuing {
    private final Invoices invoices;
    private final InvoiceRequests requests;
    private final NumberSeries numbers;
    private final NumberingPlan numbering;
    private final Seller seller;
    private final InvoiceEventPublisher events;
    private final DocumentFingerprinting fingerprinting;
    private final InvoiceMeters meters;

    InvoiceIssuing(Invoices invoices, InvoiceRequests requests, NumberSeries numbers, NumberingPlan numbering, Seller seller,
            InvoiceEventPublisher events, DocumentFingerprinting fingerprinting, InvoiceMeters meters) {
        this.meters = meters;
        this.invoices = invoices;
        this.requests = requests;
        this.numbers = numbers;
        this.numbering = numbering;
        this.seller = seller;
        this.events = events;
        this.fingerprinting = fingerprinting;
    }

    /** @return the invoice, or empty when the request was refused or withdrawn (now or before) */
    public Optional<Invoice> issue(InvoiceRequest request) {
        UUID customerId = request.buyer() == null ? null : request.buyer().customerId();
        Optional<Answer> earlier = requests.find(request.invoiceRunId());
        if (earlier.isPresent()) return answerAgain(earlier.get());
        Invoice invoice;
        try {
            Invoice.Draft draft = Invoice.draft(request);
            String series = numbering.seriesFor(request.series());
            var pattern = numbering.pattern(series);
            NumberSeries.Drawn drawn = numbers.next(series, pattern.period(request.issueDate()));
            invoice = draft.issue(series, pattern.format(request.issueDate(), drawn.value()), seller, drawn.at());
        } catch (InvoiceRefused refused) {
            requests.record(new Answer(request.invoiceRunId(), customerId, Outcome.REJECTED, null, refused.getMessage()));
            events.rejected(request.invoiceRunId(), customerId, refused.getMessage());
            meters.refused();
            return Optional.empty();
        }
        invoices.add(invoice, InvoiceState.issued(invoice), new StatusChange(invoice.id(), invoice.issuedAt(), "invoice-service", null,
                InvoiceStatus.ISSUED, "issued for invoice run " + invoice.invoiceRunId()));
        fingerprinting.afterCommit(invoice.id());
        requests.record(new Answer(request.invoiceRunId(), customerId, Outcome.ISSUED, invoice.id(), null));
        events.issued(invoice);
        meters.issued(invoice);
        return Optional.of(invoice);
    }

    /** The run gives up: bars the request, unless its invoice exists already (then it is announced again). */
    public void withdraw(UUID invoiceRunId, UUID customerId, String reason) {
        Optional<Answer> earlier = requests.find(invoiceRunId);
        if (earlier.isPresent()) {
            answerAgain(earlier.get());
            return;
        }
        requests.record(new Answer(invoiceRunId, customerId, Outcome.WITHDRAWN, null, reason));
        events.withdrawn(invoiceRunId, customerId, reason);
    }

    private Optional<Invoice> answerAgain(Answer earlier) {
        switch (earlier.outcome()) {
            case ISSUED -> {
                Invoice invoice = invoices.find(earlier.invoiceId()).orElseThrow();
                events.issued(invoice);
                return Optional.of(invoice);
            }
            case REJECTED -> events.rejected(earlier.invoiceRunId(), earlier.customerId(), earlier.reason());
            case WITHDRAWN -> events.withdrawn(earlier.invoiceRunId(), earlier.customerId(), earlier.reason());
        }
        return Optional.empty();
    }
}
