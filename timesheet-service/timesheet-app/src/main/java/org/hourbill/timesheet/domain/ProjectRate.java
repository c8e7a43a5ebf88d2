package org.hourbill.timesheet.domain;

import java.math.BigDecimal;
import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The hourly bill rate of a role on one project; it wins over the consultant's default rate. */
@Entity
public class ProjectRate {
    @Id
    private UUID id;
    private UUID projectId;
    private String role;
    private BigDecimal rate;

    protected ProjectRate() {
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

    public UUID projectId() { return projectId; }
    public String role() { return role; }
    public BigDecimal rate() { return rate; }
}
