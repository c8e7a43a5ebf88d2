package org.hourbill.billing.application;

import java.util.List;
import java.util.UUID;

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
    private final TimesheetLocks timesheets;

    VoidedInvoices(UnbilledPool pool, ProjectPlans plans, TimesheetLocks timesheets) {
        this.pool = pool;
        this.plans = plans;
        this.timesheets = timesheets;
    }

    /** Entries and terms go back or are written off as chosen; what the invoice used of a cap is free again either way. */
    public void voided(InvoiceVoided event) {
        boolean writeOff = "WRITE_OFF".equals(event.entryDisposition());
        int terms = plans.voidTerms(event.number(), writeOff);
        if (terms > 0) log.info("{} terms of voided invoice {} {}", terms, event.number(), writeOff ? "written off" : "billable again");
        plans.voidCap(event.number());
        String reason = "invoice " + event.number() + " voided by credit note " + event.creditNoteNumber() + ": " + event.reason();
        if (event.entryIds() == null || event.entryIds().isEmpty()) return;
        if (writeOff) {
            List<UUID> moved = pool.writeOffBilled(event.number(), event.entryIds(), reason);
            timesheets.writtenOff(event.customerId(), moved, reason);
            log.info("{} entries of voided invoice {} written off", moved.size(), event.number());
        } else {
            // back in the pool, and approved again in timesheets: wrong hours can now be reopened, corrected and billed anew
            List<UUID> moved = pool.returnToPool(event.number(), event.entryIds());
            timesheets.released(event.customerId(), moved, reason);
            log.info("{} entries of voided invoice {} back in the unbilled pool", moved.size(), event.number());
        }
    }
}
