package org.hourbill.payment.application;

import java.util.UUID;

import org.hourbill.payment.domain.CreditBalance;
import org.hourbill.payment.domain.CreditBalances;
import org.hourbill.payment.domain.Receivable;
import org.hourbill.payment.domain.ReceivableStatus;
import org.hourbill.payment.domain.Receivables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps receivables in step with invoice-service: an issued invoice is money expected; a voided one is not.
 * invoice-service refuses to void an invoice with payments, but a payment recorded here in the moment before the
 * void arrived must not vanish: what it paid moves to the customer's credit balance. Runs in the inbox transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ReceivableLedger {
    private static final Logger log = LoggerFactory.getLogger(ReceivableLedger.class);
    private final Receivables receivables;
    private final CreditBalances balances;

    ReceivableLedger(Receivables receivables, CreditBalances balances) {
        this.receivables = receivables;
        this.balances = balances;
    }

    public void issued(Receivable receivable) {
        receivables.addIfAbsent(receivable);
    }

    public void voided(UUID invoiceId) {
        receivables.lock(invoiceId).ifPresent(r -> {
            if (r.status() == ReceivableStatus.VOID) return;
            receivables.save(r.voided());
            if (r.amountPaid().signum() > 0) {
                CreditBalance balance = balances.lock(r.customerId(), r.currency());
                balances.save(balance.add(r.amountPaid()));
                log.warn("invoice {} was voided with {} {} paid on it; that amount is now the customer's credit", r.number(),
                        r.currency(), r.amountPaid());
            }
        });
    }
}
