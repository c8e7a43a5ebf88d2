package org.hourbill.invoice.adapter.out.persistence;

import java.util.Optional;
import java.util.UUID;

import org.hourbill.invoice.domain.InvoiceRequests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcInvoiceRequests implements InvoiceRequests {
    private final JdbcTemplate jdbc;

    JdbcInvoiceRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Answer> find(UUID invoiceRunId) {
        return jdbc.query("select * from invoice_request where invoice_run_id = ?", (rs, i) -> new Answer(
                rs.getObject("invoice_run_id", UUID.class), rs.getObject("customer_id", UUID.class),
                Outcome.valueOf(rs.getString("outcome")), rs.getObject("invoice_id", UUID.class), rs.getString("reason")),
                invoiceRunId).stream().findFirst();
    }

    /** A plain insert: a concurrent duplicate fails on the primary key and its whole transaction, number included, rolls back. */
    @Override
    public void record(Answer a) {
        jdbc.update("insert into invoice_request (invoice_run_id, customer_id, outcome, invoice_id, reason) values (?, ?, ?, ?, ?)",
                a.invoiceRunId(), a.customerId(), a.outcome().name(), a.invoiceId(), a.reason());
    }
}
