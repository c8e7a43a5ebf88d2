package org.hourbill.invoice.adapter.out.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.invoice.domain.CreditNote;
import org.hourbill.invoice.domain.CreditNotes;
import org.hourbill.invoice.domain.Invoice;
import org.hourbill.invoice.domain.Invoices;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Credit notes keep their own header (number, date, reason, totals); seller, buyer and lines are those of the
 * frozen invoice they cancel, negated, so they are derived on reading rather than stored twice.
 */
@Repository
class JdbcCreditNotes implements CreditNotes {
    private final JdbcTemplate jdbc;
    private final Invoices invoices;

    JdbcCreditNotes(JdbcTemplate jdbc, Invoices invoices) {
        this.jdbc = jdbc;
        this.invoices = invoices;
    }

    @Override
    public void add(CreditNote c) {
        jdbc.update("""
                insert into credit_note (id, series, number, invoice_id, issue_date, reason, total_hours, subtotal, tax_amount, total,
                    issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", c.id(), c.series(), c.number(), c.invoiceId(), Date.valueOf(c.issueDate()),
                c.reason(), c.totalHours(), c.subtotal(), c.taxAmount(), c.total(), Timestamp.from(c.issuedAt()));
    }

    @Override
    public Optional<CreditNote> find(UUID id) {
        return jdbc.query("select * from credit_note where id = ?", (rs, n) -> creditNote(rs), id).stream().findFirst();
    }

    @Override
    public Optional<CreditNote> forInvoice(UUID invoiceId) {
        return jdbc.query("select * from credit_note where invoice_id = ?", (rs, n) -> creditNote(rs), invoiceId).stream().findFirst();
    }

    private CreditNote creditNote(ResultSet rs) throws SQLException {
        Invoice invoice = invoices.find(rs.getObject("invoice_id", UUID.class)).orElseThrow();
        return CreditNote.cancelling(rs.getObject("id", UUID.class), invoice, rs.getString("series"), rs.getString("number"),
                rs.getDate("issue_date").toLocalDate(), rs.getString("reason"), rs.getTimestamp("issued_at").toInstant());
    }
}
