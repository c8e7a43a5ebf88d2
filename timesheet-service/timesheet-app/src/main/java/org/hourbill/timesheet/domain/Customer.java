package org.hourbill.timesheet.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A client the firm bills: its tax rate, currency and payment terms are what its invoices use. */
@Entity
public class Customer {
    @Id
    private UUID id;
    private String name;
    private String address;
    private String taxId;
    private BigDecimal taxRate;
    private String currency;
    private int paymentTermsDays;
    @Version
    private Long version;

    protected Customer() {
    }

    public Customer(UUID id, CustomerDetails details) {
        this.id = id;
        change(details);
    }

    public void change(CustomerDetails details) {
        if (details.taxRate().signum() < 0 || details.taxRate().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidField("taxRate", "tax rate must be between 0 and 100 percent");
        }
        try {
            Currency.getInstance(details.currency());
        } catch (IllegalArgumentException e) {
            throw new InvalidField("currency", "'" + details.currency() + "' is not an ISO 4217 currency code");
        }
        if (details.paymentTermsDays() < 0) {
            throw new InvalidField("paymentTermsDays", "payment terms cannot be negative");
        }
        this.name = details.name();
        this.address = details.address();
        this.taxId = details.taxId();
        this.taxRate = details.taxRate();
        this.currency = details.currency();
        this.paymentTermsDays = details.paymentTermsDays();
    }

    public UUID id() { return id; }
    public String name() { return name; }
    public String address() { return address; }
    public String taxId() { return taxId; }
    public BigDecimal taxRate() { return taxRate; }
    public String currency() { return currency; }
    public int paymentTermsDays() { return paymentTermsDays; }

    public record CustomerDetails(String name, String address, String taxId, BigDecimal taxRate, String currency,
            int paymentTermsDays) {
    }
}
