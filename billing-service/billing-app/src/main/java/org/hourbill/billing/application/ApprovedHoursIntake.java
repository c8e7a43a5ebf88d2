package org.hourbill.billing.application;

import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.billing.domain.UnbilledEntry;
import org.hourbill.timesheet.events.CustomerChanged;
import org.hourbill.timesheet.events.EntriesApproved;
import org.hourbill.timesheet.events.EntriesReopened;
import org.hourbill.timesheet.events.ProjectChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the unbilled pool in step with timesheets. Non-billable entries never enter it (there is nothing to
 * bill); a reopened entry leaves it. Runs inside the inbox transaction that records the event as processed.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ApprovedHoursIntake {
    private static final Logger log = LoggerFactory.getLogger(ApprovedHoursIntake.class);
    private final UnbilledPool pool;

    ApprovedHoursIntake(UnbilledPool pool) {
        this.pool = pool;
    }

    public void approved(EntriesApproved event) {
        var billable = event.entries().stream().filter(EntriesApproved.ApprovedEntry::billable)
                .map(e -> new UnbilledEntry(e.entryId(), e.customerId(), e.projectId(), e.billingType().name(),
                        e.resourceId(), e.resourceName(), e.role(), e.task(), e.date(), e.hours(), e.rate(), e.amount(),
                        e.currency(), e.description()))
                .toList();
        pool.addAll(billable);
        log.info("{} approved entries of customer {} into the unbilled pool ({} not billable)", billable.size(),
                event.customerId(), event.entries().size() - billable.size());
    }

    public void reopened(EntriesReopened event) {
        pool.removeAll(event.entryIds());
        log.info("{} reopened entries of customer {} out of the unbilled pool", event.entryIds().size(), event.customerId());
    }

    public void customerChanged(CustomerChanged c) {
        pool.rememberCustomer(new BillingCustomer(c.customerId(), c.name(), c.address(), c.taxId(), c.taxRate(),
                c.currency(), c.paymentTermsDays()));
    }

    public void projectChanged(ProjectChanged p) {
        pool.rememberProject(p.projectId(), p.customerId(), p.code(), p.name(), p.billingType().name());
    }
}
