package org.hourbill.timesheet.domain;

import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;
import org.hourbill.timesheet.events.BillingType;

/** Work done for one customer; its billing type decides whether its hours are billed. Overhead is never billed. */
public class Project {
    private UUID id;
    private UUID customerId;
    private String code;
    private String name;
    private BillingType billingType;
    private boolean overhead;

    private Project() {
    }

    /** Rebuilds a project as stored (persistence adapters); the rules were checked when it was registered. */
    public static Project restore(UUID id, UUID customerId, String code, String name, BillingType billingType, boolean overhead) {
        Project p = new Project();
        p.id = id;
        p.customerId = customerId;
        p.code = code;
        p.name = name;
        p.billingType = billingType;
        p.overhead = overhead;
        return p;
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
