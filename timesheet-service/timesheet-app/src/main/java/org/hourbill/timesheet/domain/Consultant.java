package org.hourbill.timesheet.domain;

import java.math.BigDecimal;
import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A resource who books time: a role and a default hourly bill rate, overridden per project and role. */
@Entity
@Table(name = "resource")
public class Consultant {
    @Id
    private UUID id;
    private String name;
    private String role;
    private BigDecimal defaultRate;
    @Version
    private Long version;

    protected Consultant() {
    }

    public Consultant(UUID id, String name, String role, BigDecimal defaultRate) {
        if (defaultRate.signum() < 0) throw new InvalidField("defaultRate", "a bill rate cannot be negative");
        this.id = id;
        this.name = name;
        this.role = role;
        this.defaultRate = defaultRate;
    }

    public UUID id() { return id; }
    public String name() { return name; }
    public String role() { return role; }
    public BigDecimal defaultRate() { return defaultRate; }
}
