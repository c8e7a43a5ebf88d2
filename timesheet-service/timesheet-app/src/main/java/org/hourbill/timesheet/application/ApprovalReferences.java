package org.hourbill.timesheet.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hourbill.timesheet.domain.BillRates;
import org.hourbill.timesheet.domain.Consultant;
import org.hourbill.timesheet.domain.Consultants;
import org.hourbill.timesheet.domain.Customer;
import org.hourbill.timesheet.domain.Customers;
import org.hourbill.timesheet.domain.Project;
import org.hourbill.timesheet.domain.ProjectRate;
import org.hourbill.timesheet.domain.ProjectRates;
import org.hourbill.timesheet.domain.Projects;
import org.hourbill.timesheet.domain.TimeEntry;

/**
 * What a bulk approval (or a valuation) prices its entries with: their projects, consultants, customers and rates,
 * read once per request (only the ids a chunk adds), not once per chunk, so a request of 10,000 entries prices them
 * all from one view of the rates and makes a few reads instead of sixteen.
 */
final class ApprovalReferences implements TimesheetEventPublisher.ApprovalContext {
    private final Projects projects;
    private final Consultants consultants;
    private final Customers customers;
    private final ProjectRates rates;
    private final Map<UUID, Project> projectsById = new HashMap<>();
    private final Map<UUID, Consultant> consultantsById = new HashMap<>();
    private final Map<UUID, Customer> customersById = new HashMap<>();
    private final List<ProjectRate> projectRates = new ArrayList<>();
    private BillRates billRates = new BillRates(List.of());

    ApprovalReferences(Projects projects, Consultants consultants, Customers customers, ProjectRates rates) {
        this.projects = projects;
        this.consultants = consultants;
        this.customers = customers;
        this.rates = rates;
    }

    /** Reads what these entries need and is not known yet. */
    void cover(List<TimeEntry> entries) {
        Set<UUID> newProjects = unknown(entries, TimeEntry::projectId, projectsById);
        if (!newProjects.isEmpty()) {
            projects.readAll(newProjects).forEach(p -> projectsById.put(p.id(), p));
            projectRates.addAll(rates.readByProjectIds(newProjects));
            billRates = new BillRates(projectRates);
        }
        Set<UUID> newConsultants = unknown(entries, TimeEntry::resourceId, consultantsById);
        if (!newConsultants.isEmpty()) consultants.readAll(newConsultants).forEach(c -> consultantsById.put(c.id(), c));
        Set<UUID> newCustomers = unknown(entries, TimeEntry::customerId, customersById);
        if (!newCustomers.isEmpty()) customers.readAll(newCustomers).forEach(c -> customersById.put(c.id(), c));
    }

    BigDecimal rate(TimeEntry entry) {
        return billRates.rateFor(entry.projectId(), consultant(entry));
    }

    String currency(TimeEntry entry) {
        return customersById.get(entry.customerId()).currency();
    }

    @Override
    public Project project(TimeEntry entry) {
        return projectsById.get(entry.projectId());
    }

    @Override
    public Consultant consultant(TimeEntry entry) {
        return consultantsById.get(entry.resourceId());
    }

    private static Set<UUID> unknown(List<TimeEntry> entries, Function<TimeEntry, UUID> key, Map<UUID, ?> known) {
        return entries.stream().map(key).filter(id -> !known.containsKey(id)).collect(Collectors.toSet());
    }
}
