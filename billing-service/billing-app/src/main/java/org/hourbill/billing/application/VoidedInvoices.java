package org.hourbill.billing.application;

import org.hourbill.invoice.events.InvoiceVoided;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A voided invoice gives its entries back: to the unbilled pool, where the next review offers them again, or to
 * the written-off hours of the realisation report, as the person who voided it chose. Only entries still billed
 * by that invoice move, so a repeated event changes nothing. Runs inside the inbox transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class VoidedInvoices {
    private static final Logger log = LoggerFactory.getLogger(VoidedInvoices.class);
    private final UnbilledPool pool;
    private final ProjectPlans plans;

    VoidedInvoices(UnbilledPool pool, ProjectPlans plans) {
        this.pool = pool;
        this.plans = plans;
    }

    /** Entries and terms go back or are written off as chosen; what the invoice used of a cap is free again either way. */
    public void voided(InvoiceVoided event) {
        boolean writeOff = "WRITE_OFF".equals(event.entryDisposition());
        int terms = plans.voidTerms(event.number(), writeOff);
        if (terms > 0) log.info("{} terms of voided invoice {} {}", terms, event.number(), writeOff ? "written off" : "billable again");
        plans.voidCap(event.number());
        if ("WRITE_OFF".equals(event.entryDisposition())) {
            String reason = "invoice " + event.number() + " voided by credit note " + event.creditNoteNumber() + ": " + event.reason();
            int n = pool.writeOffBilled(event.number(), event.entryIds(), reason.length() > 500 ? reason.substring(0, 500) : reason);
            log.info("{} entries of voided invoice {} written off", n, event.number());
        } else {
            int n = pool.returnToPool(event.number(), event.entryIds());
            log.info("{} entries of voided invoice {} back in the unbilled pool", n, event.number());
        }
    }
}
