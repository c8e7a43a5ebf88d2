package org.hourbill.timesheet.domain;

import java.util.UUID;

import org.hourbill.platform.problem.ConflictingState;
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

    /**
     * Renames the project or changes how it is billed. The billing type is fixed once hours are priced (approved):
     * those hours went to billing as that type, and one project is billed one way.
     */
    public void change(String newName, BillingType newType, boolean hasPricedHours) {
        if (newType != billingType) {
            if (overhead) throw new InvalidField("billingType", "an overhead project is not billed: it stays NOT_BILLED");
            if (hasPricedHours) {
                throw new ConflictingState("project " + code + " has approved hours, priced as it is billed today: its billing type"
                        + " can no longer change (start a new project for the new contract)");
            }
        }
        if (newName == null || newName.isBlank()) throw new InvalidField("name", "name the project");
        this.name = newName.strip();
        this.billingType = newType;
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
