package org.hourbill.invoice.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.invoice.domain.BillDetails;
import org.hourbill.invoice.domain.Invoice;
import org.hourbill.invoice.domain.InvoiceLine;
import org.hourbill.invoice.domain.InvoiceRequest.FrameOrderReference;
import org.hourbill.invoice.domain.InvoiceState;
import org.hourbill.invoice.domain.InvoiceStatus;
import org.hourbill.invoice.domain.Invoices;
import org.hourbill.invoice.domain.LineKind;
import org.hourbill.invoice.domain.Party;
import org.hourbill.invoice.domain.SendMode;
import org.hourbill.invoice.domain.Seller;
import org.hourbill.invoice.domain.StatusChange;
import org.hourbill.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

@Repository
class JdbcInvoices implements Invoices {
    private final JdbcTemplate jdbc;

    JdbcInvoices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Invoice i, InvoiceState state, StatusChange issued) {
        Seller s = i.seller();
        Party b = i.buyer();
        FrameOrderReference fo = i.frameOrder();
        BillDetails bd = i.bill();
        var contact = bd.billContact();
        var recipient = bd.paymentRecipient();
        jdbc.update("""
                insert into invoice (id, invoice_run_id, series, number, seller_name, seller_address, seller_tax_id, seller_iban,
                    seller_bic, seller_bank_name, customer_id, customer_name, customer_address, customer_tax_id, currency,
                    issue_date, due_date, period_from, period_to, payment_terms_days, po_number, frame_order_id,
                    frame_order_po_number, frame_order_draw_down_id, notes, total_hours, subtotal, tax_rate, tax_amount, total,
                    issued_at, project_id, billing_type, bill_contact_name, bill_contact_email, recipient_name, recipient_iban,
                    recipient_bic, recipient_bank, responsible, comments, order_amount)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                i.id(), i.invoiceRunId(), i.series(), i.number(), s.name(), s.address(), s.taxId(), s.iban(), s.bic(),
                s.bankName(), b.customerId(), b.name(), b.address(), b.taxId(), i.currency(), date(i.issueDate()),
                date(i.dueDate()), date(i.periodFrom()), date(i.periodTo()), i.paymentTermsDays(), i.poNumber(),
                fo == null ? null : fo.frameOrderId(), fo == null ? null : fo.poNumber(), fo == null ? null : fo.drawDownId(),
                i.notes(), i.totalHours(), i.subtotal(), i.taxRate(), i.taxAmount(), i.total(), Timestamp.from(i.issuedAt()),
                bd.projectId(), bd.billingType(), contact == null ? null : contact.name(), contact == null ? null : contact.email(),
                recipient == null ? null : recipient.name(), recipient == null ? null : recipient.iban(),
                recipient == null ? null : recipient.bic(), recipient == null ? null : recipient.bankName(), bd.responsible(),
                bd.comments(), bd.orderAmount());
        jdbc.batchUpdate("""
                insert into invoice_line (invoice_id, position, kind, entry_ids, work_date, project_id, billing_type, task,
                    resource_name, role, description, detail, quantity, unit, unit_price, amount, amendment, term_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", i.lines(), 1_000, (ps, l) -> {
            ps.setObject(1, i.id());
            ps.setInt(2, l.position());
            ps.setString(3, l.kind().name());
            ps.setArray(4, ps.getConnection().createArrayOf("uuid", l.entryIds().toArray()));
            ps.setDate(5, date(l.date()));
            ps.setObject(6, l.projectId());
            ps.setString(7, l.billingType());
            ps.setString(8, l.task());
            ps.setString(9, l.resourceName());
            ps.setString(10, l.role());
            ps.setString(11, l.description());
            ps.setString(12, l.detail());
            ps.setBigDecimal(13, l.quantity());
            ps.setString(14, l.unit());
            ps.setBigDecimal(15, l.unitPrice());
            ps.setBigDecimal(16, l.amount());
            ps.setBoolean(17, l.amendment());
            ps.setObject(18, l.termId());
        });
        jdbc.update("insert into invoice_state (invoice_id, status, changed_at, amount_paid) values (?, ?, ?, ?)", i.id(),
                state.status().name(), Timestamp.from(i.issuedAt()), state.amountPaid());
        append(issued);
    }

    @Override
    public Optional<InvoiceState> state(UUID id) {
        return jdbc.query(STATE + " where s.invoice_id = ?", (rs, n) -> state(rs), id).stream().findFirst();
    }

    @Override
    public Optional<InvoiceState> lockState(UUID id) {
        return jdbc.query(STATE + " where s.invoice_id = ? for update of s", (rs, n) -> state(rs), id).stream().findFirst();
    }

    @Override
    public void save(InvoiceState.Moved moved) {
        InvoiceState s = moved.state();
        jdbc.update("""
                update invoice_state set status = ?, changed_at = now(), sent_on = ?, send_mode = ?, amount_paid = ?, paid_on = ?,
                    credit_note_id = ?
                where invoice_id = ?""", s.status().name(), date(s.sentOn()), s.sendMode() == null ? null : s.sendMode().name(),
                s.amountPaid(), date(s.paidOn()), s.creditNoteId(), s.invoiceId());
        if (moved.change() != null) append(moved.change());
    }

    @Override
    public List<StatusChange> history(UUID id) {
        return jdbc.query("select * from invoice_history where invoice_id = ? order by id", (rs, n) -> new StatusChange(id,
                rs.getTimestamp("at").toInstant(), rs.getString("actor"), status(rs.getString("from_status")),
                status(rs.getString("to_status")), rs.getString("detail")), id);
    }

    private void append(StatusChange c) {
        jdbc.update("insert into invoice_history (invoice_id, at, actor, from_status, to_status, detail) values (?, ?, ?, ?, ?, ?)",
                c.invoiceId(), Timestamp.from(c.at()), c.by(), c.from() == null ? null : c.from().name(), c.to().name(), c.detail());
    }

    private static final String STATE = """
            select s.*, i.number, i.issue_date, i.currency, i.total from invoice_state s join invoice i on i.id = s.invoice_id""";

    private static InvoiceState state(ResultSet rs) throws SQLException {
        int minor = java.util.Currency.getInstance(rs.getString("currency")).getDefaultFractionDigits();
        String mode = rs.getString("send_mode");
        return new InvoiceState(rs.getObject("invoice_id", UUID.class), rs.getString("number"), localDate(rs.getDate("issue_date")),
                rs.getString("currency"), rs.getBigDecimal("total").setScale(minor), InvoiceStatus.valueOf(rs.getString("status")),
                localDate(rs.getDate("sent_on")), mode == null ? null : SendMode.valueOf(mode),
                rs.getBigDecimal("amount_paid").setScale(minor, java.math.RoundingMode.UNNECESSARY), localDate(rs.getDate("paid_on")),
                rs.getObject("credit_note_id", UUID.class));
    }

    private static InvoiceStatus status(String s) {
        return s == null ? null : InvoiceStatus.valueOf(s);
    }

    @Override
    public Optional<Invoice> find(UUID id) {
        return one("select * from invoice where id = ?", id);
    }

    @Override
    public Optional<Invoice> findByNumber(String number) {
        return one("select * from invoice where number = ?", number);
    }

    @Override
    public InvoicePage search(Filter f, Page p, LocalDate today) {
        Where where = where(f, today);
        Long total = jdbc.queryForObject("select count(*)" + FROM + where.sql, Long.class, where.args.toArray());
        List<Object> pageArgs = new ArrayList<>();
        pageArgs.add(Date.valueOf(today));
        pageArgs.addAll(where.args);
        pageArgs.add(p.size());
        pageArgs.add((long) p.page() * p.size());
        String direction = p.descending() ? " desc" : " asc";
        String order = switch (p.sort()) {
            case ISSUE_DATE -> "i.issue_date" + direction + ", i.number" + direction;
            case DUE_DATE -> "i.due_date" + direction + ", i.number" + direction;
            case NUMBER -> "i.number" + direction;
            case TOTAL -> "i.total" + direction + ", i.number" + direction;
            case CUSTOMER -> "i.customer_name" + direction + ", i.number" + direction;
            case AMOUNT_OPEN -> "open" + direction + ", i.number" + direction;
        };
        List<Summary> items = jdbc.query("""
                select i.id, i.number, i.customer_id, i.customer_name, i.issue_date, i.due_date, i.currency, i.total, s.status,
                    s.amount_paid, case when s.status = 'VOID' then 0 else i.total - s.amount_paid end as open,
                    (s.status in ('ISSUED', 'SENT') and i.due_date < ?) as overdue"""
                + FROM + where.sql + " order by " + order + " limit ? offset ?", (rs, n) -> {
                    int minor = java.util.Currency.getInstance(rs.getString("currency")).getDefaultFractionDigits();
                    return new Summary(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("customer_id", UUID.class),
                            rs.getString("customer_name"), rs.getDate("issue_date").toLocalDate(),
                            rs.getDate("due_date").toLocalDate(), rs.getString("currency"), rs.getBigDecimal("total").setScale(minor),
                            rs.getBigDecimal("amount_paid").setScale(minor), rs.getBigDecimal("open").setScale(minor),
                            InvoiceStatus.valueOf(rs.getString("status")), rs.getBoolean("overdue"));
                }, pageArgs.toArray());
        return new InvoicePage(items, p.page(), p.size(), total == null ? 0 : total);
    }

    @Override
    public List<StatusTotal> totals(Filter f, LocalDate today) {
        Where where = where(f, today);
        return jdbc.query("""
                select s.status, i.currency, count(*) as invoices, sum(i.total) as total,
                    sum(case when s.status = 'VOID' then 0 else i.total - s.amount_paid end) as open"""
                + FROM + where.sql + " group by s.status, i.currency order by s.status, i.currency", (rs, n) -> {
                    int minor = java.util.Currency.getInstance(rs.getString("currency")).getDefaultFractionDigits();
                    return new StatusTotal(InvoiceStatus.valueOf(rs.getString("status")), rs.getString("currency"),
                            rs.getLong("invoices"), rs.getBigDecimal("total").setScale(minor), rs.getBigDecimal("open").setScale(minor));
                }, where.args.toArray());
    }

    private static final String FROM = " from invoice i join invoice_state s on s.invoice_id = i.id";

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(Filter f, LocalDate today) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (f.customerId() != null) {
            where.append(" and i.customer_id = ?");
            args.add(f.customerId());
        }
        if (f.status() != null) {
            where.append(" and s.status = ?");
            args.add(f.status().name());
        }
        if (f.issuedFrom() != null) {
            where.append(" and i.issue_date >= ?");
            args.add(date(f.issuedFrom()));
        }
        if (f.issuedTo() != null) {
            where.append(" and i.issue_date <= ?");
            args.add(date(f.issuedTo()));
        }
        if (f.overdueOnly()) {
            where.append(" and s.status in ('ISSUED', 'SENT') and i.due_date < ?");
            args.add(date(today));
        }
        return new Where(where.toString(), args);
    }

    private Optional<Invoice> one(String sql, Object key) {
        return jdbc.query(sql, (rs, n) -> invoice(rs), key).stream().findFirst();
    }

    private Invoice invoice(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        int minor = java.util.Currency.getInstance(rs.getString("currency")).getDefaultFractionDigits();
        List<InvoiceLine> lines = jdbc.query("select * from invoice_line where invoice_id = ? order by position", (l, n) ->
                new InvoiceLine(l.getInt("position"), LineKind.valueOf(l.getString("kind")), uuids(l.getArray("entry_ids")),
                        localDate(l.getDate("work_date")), l.getObject("project_id", UUID.class), l.getString("billing_type"),
                        l.getString("task"), l.getString("resource_name"), l.getString("role"), l.getString("description"),
                        l.getString("detail"), quantity(l.getBigDecimal("quantity")), l.getString("unit"),
                        l.getBigDecimal("unit_price"), l.getBigDecimal("amount").setScale(minor), l.getBoolean("amendment"),
                        l.getObject("term_id", UUID.class)), id);
        UUID frameOrderId = rs.getObject("frame_order_id", UUID.class);
        return new Invoice(id, rs.getObject("invoice_run_id", UUID.class), rs.getString("series"), rs.getString("number"),
                new Seller(rs.getString("seller_name"), rs.getString("seller_address"), rs.getString("seller_tax_id"),
                        rs.getString("seller_iban"), rs.getString("seller_bic"), rs.getString("seller_bank_name")),
                new Party(rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                        rs.getString("customer_address"), rs.getString("customer_tax_id")),
                rs.getString("currency"), localDate(rs.getDate("issue_date")), localDate(rs.getDate("due_date")),
                localDate(rs.getDate("period_from")), localDate(rs.getDate("period_to")), rs.getInt("payment_terms_days"),
                rs.getString("po_number"),
                frameOrderId == null ? null : new FrameOrderReference(frameOrderId, rs.getString("frame_order_po_number"),
                        rs.getObject("frame_order_draw_down_id", UUID.class)),
                rs.getString("notes"), billDetails(rs), lines,
                rs.getBigDecimal("total_hours"), rs.getBigDecimal("subtotal").setScale(minor), rs.getBigDecimal("tax_rate"),
                rs.getBigDecimal("tax_amount").setScale(minor), rs.getBigDecimal("total").setScale(minor),
                rs.getTimestamp("issued_at").toInstant());
    }

    @Override
    public List<BillingReportRow> billingReport(LocalDate issuedFrom, LocalDate issuedTo) {
        // only documents with a number count: a bill still under review (a draft) lives in billing-service, not here
        return jdbc.query("""
                select coalesce(l.billing_type, i.billing_type, 'TIME_AND_MATERIALS') as billing_type, l.project_id, i.currency,
                    count(distinct i.id) as invoices, sum(l.amount) as billed,
                    sum(case when s.status = 'VOID' then l.amount else 0 end) as credited
                from invoice i join invoice_line l on l.invoice_id = i.id join invoice_state s on s.invoice_id = i.id
                where i.issue_date between ? and ?
                group by 1, 2, 3 order by 1, 2, 3""", (rs, n) -> {
            int minor = java.util.Currency.getInstance(rs.getString("currency")).getDefaultFractionDigits();
            BigDecimal billed = rs.getBigDecimal("billed").setScale(minor);
            BigDecimal credited = rs.getBigDecimal("credited").setScale(minor);
            return new BillingReportRow(rs.getString("billing_type"), rs.getObject("project_id", UUID.class), rs.getString("currency"),
                    rs.getLong("invoices"), billed, credited, billed.subtract(credited));
        }, date(issuedFrom), date(issuedTo));
    }

    @Override
    public List<EntryDocument> documentsOf(UUID entryId) {
        List<EntryDocument> documents = new ArrayList<>();
        jdbc.query("""
                select i.id, i.number, i.issue_date, i.currency, s.status, l.position, l.quantity, l.amount,
                    c.id as credit_note_id, c.number as credit_note_number, c.issue_date as credit_note_date
                from invoice_line l join invoice i on i.id = l.invoice_id join invoice_state s on s.invoice_id = i.id
                left join credit_note c on c.invoice_id = i.id
                where l.entry_ids @> array[?::uuid] order by i.issued_at, l.position""", (RowCallbackHandler) rs -> {
            String currency = rs.getString("currency");
            BigDecimal quantity = quantity(rs.getBigDecimal("quantity"));
            BigDecimal amount = Money.inMinorUnits(rs.getBigDecimal("amount"), currency);
            documents.add(new EntryDocument("INVOICE", rs.getObject("id", UUID.class), rs.getString("number"),
                    rs.getDate("issue_date").toLocalDate(), rs.getString("status"), currency, rs.getInt("position"), quantity, amount));
            if (rs.getObject("credit_note_id") != null) {
                documents.add(new EntryDocument("CREDIT_NOTE", rs.getObject("credit_note_id", UUID.class), rs.getString("credit_note_number"),
                        rs.getDate("credit_note_date").toLocalDate(), "ISSUED", currency, rs.getInt("position"), quantity.negate(), amount.negate()));
            }
        }, entryId);
        return documents;
    }

    private static BillDetails billDetails(ResultSet rs) throws SQLException {
        String contact = rs.getString("bill_contact_name");
        String recipient = rs.getString("recipient_name");
        return new BillDetails(rs.getObject("project_id", UUID.class), rs.getString("billing_type"),
                contact == null ? null : new BillDetails.Contact(contact, rs.getString("bill_contact_email")),
                recipient == null ? null : new BillDetails.PaymentRecipient(recipient, rs.getString("recipient_iban"),
                        rs.getString("recipient_bic"), rs.getString("recipient_bank")),
                rs.getString("responsible"), rs.getString("comments"), rs.getBigDecimal("order_amount"));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    /** Quantities are stored with 4 decimals; hours and days show with 2, manual quantities with what they need. */
    private static BigDecimal quantity(BigDecimal stored) {
        return stored.setScale(Math.max(2, stored.stripTrailingZeros().scale()));
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
