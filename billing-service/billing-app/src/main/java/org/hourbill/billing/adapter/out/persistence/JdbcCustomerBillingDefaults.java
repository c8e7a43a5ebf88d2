package org.hourbill.billing.adapter.out.persistence;

import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.application.CustomerBillingDefaults;
import org.hourbill.billing.domain.plan.BillingDefaults;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCustomerBillingDefaults implements CustomerBillingDefaults {
    private final JdbcTemplate jdbc;

    JdbcCustomerBillingDefaults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(BillingDefaults d) {
        var c = d.billContact();
        var r = d.paymentRecipient();
        jdbc.update("""
                insert into billing_defaults (customer_id, bill_contact_name, bill_contact_email, recipient_name, recipient_iban,
                    recipient_bic, recipient_bank)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (customer_id) do update set bill_contact_name = excluded.bill_contact_name,
                    bill_contact_email = excluded.bill_contact_email, recipient_name = excluded.recipient_name,
                    recipient_iban = excluded.recipient_iban, recipient_bic = excluded.recipient_bic,
                    recipient_bank = excluded.recipient_bank""", d.customerId(), c == null ? null : c.name(),
                c == null ? null : c.email(), r == null ? null : r.name(), r == null ? null : r.iban(), r == null ? null : r.bic(),
                r == null ? null : r.bankName());
    }

    @Override
    public Optional<BillingDefaults> find(UUID customerId) {
        return jdbc.query("select * from billing_defaults where customer_id = ?", (rs, n) -> {
            String contact = rs.getString("bill_contact_name");
            String recipient = rs.getString("recipient_name");
            return new BillingDefaults(customerId, contact == null ? null : new BillingDefaults.Contact(contact, rs.getString("bill_contact_email")),
                    recipient == null ? null : new BillingDefaults.PaymentRecipient(recipient, rs.getString("recipient_iban"),
                            rs.getString("recipient_bic"), rs.getString("recipient_bank")));
        }, customerId).stream().findFirst();
    }
}
