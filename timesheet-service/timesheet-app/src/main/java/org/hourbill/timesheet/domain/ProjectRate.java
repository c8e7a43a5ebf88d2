package org.hourbill.timesheet.domain;

import java.math.BigDecimal;
import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;

/** The hourly bill rate of a role on one project; it wins over the consultant's default rate. */
public class ProjectRate {
    private UUID id;
    private UUID projectId;
    private String role;
    private BigDecimal rate;

    private ProjectRate() {
    }

    /** Rebuilds a rate as stored (persistence adapters). */
    public static ProjectRate restore(UUID id, UUID projectId, String role, BigDecimal rate) {
        ProjectRate r = new ProjectRate();
        r.id = id;
        r.projectId = projectId;
        r.role = role;
        r.rate = rate;
        return r;
    }

    public ProjectRate(UUID id, UUID projectId, String role, BigDecimal rate) {
        if (rate.signum() < 0) throw new InvalidField("rate", "a bill rate cannot be negative");
        this.id = id;
        this.projectId = projectId;
        this.role = role;
        this.rate = rate;
    }

    public void change(BigDecimal newRate) {
        if (newRate.signum() < 0) throw new InvalidField("rate", "a bill rate cannot be negative");
        this.rate = newRate;
    }

    public UUID id() { return id; }
    public UUID projectId() { return projectId; }
    public String role() { return role; }
    public BigDecimal rate() { return rate; }
}
