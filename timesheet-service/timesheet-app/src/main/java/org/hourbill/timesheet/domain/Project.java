package org.hourbill.timesheet.domain;

import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;
import org.hourbill.timesheet.events.BillingType;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** Work done for one customer; its billing type decides whether its hours are billed. Overhead is never billed. */
@Entity
public class Project {
    @Id
    private UUID id;
    private UUID customerId;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private BillingType billingType;
    private boolean overhead;
    @Version
    private Long version;

    protected Project() {
    }

    public Project(UUID id, UUID customerId, String code, String name, BillingType billingType, boolean overhead) {
        if (overhead && billingType != BillingType.NOT_BILLED) {
            throw new InvalidField("billingType", "an overhead project is not billed: use NOT_BILLED");
        }
        this.id = id;
        this.customerId = customerId;
        this.code = code;
        this.name = name;
        this.billingType = billingType;
        this.overhead = overhead;
    }

    public boolean billed() {
        return billingType != BillingType.NOT_BILLED;
    }

    public UUID id() { return id; }
    public UUID customerId() { return customerId; }
    public String code() { return code; }
    public String name() { return name; }
    public BillingType billingType() { return billingType; }
    public boolean overhead() { return overhead; }
}
