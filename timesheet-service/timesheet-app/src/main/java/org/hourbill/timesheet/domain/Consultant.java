package org.hourbill.timesheet.domain;

import java.math.BigDecimal;
import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;

/** A resource who books time: a role and a default hourly bill rate, overridden per project and role. */
public class Consultant {
    private UUID id;
    private String name;
    private String role;
    private BigDecimal defaultRate;

    private Consultant() {
    }

    /** Rebuilds a consultant as stored (persistence adapters). */
    public static Consultant restore(UUID id, String name, String role, BigDecimal defaultRate) {
        Consultant c = new Consultant();
        c.id = id;
        c.name = name;
        c.role = role;
        c.defaultRate = defaultRate;
        return c;
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
