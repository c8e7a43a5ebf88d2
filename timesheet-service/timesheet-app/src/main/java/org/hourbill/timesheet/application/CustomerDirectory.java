package org.hourbill.timesheet.application;

import java.math.BigDecimal;
import java.util.UUID;

import org.hourbill.platform.problem.InvalidField;
import org.hourbill.platform.problem.NotFound;
import org.hourbill.timesheet.domain.Consultant;
import org.hourbill.timesheet.domain.Consultants;
import org.hourbill.timesheet.domain.Customer;
import org.hourbill.timesheet.domain.Customer.CustomerDetails;
import org.hourbill.timesheet.domain.Customers;
import org.hourbill.timesheet.domain.Project;
import org.hourbill.timesheet.domain.ProjectRate;
import org.hourbill.timesheet.domain.ProjectRates;
import org.hourbill.timesheet.domain.Projects;
import org.hourbill.timesheet.domain.TimeEntries;
import org.hourbill.timesheet.events.BillingType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reference data: customers, their projects, consultants and bill rates. Changes are announced to billing. */
@Service
@Transactional
public class CustomerDirectory {
    private final Customers customers;
    private final Projects projects;
    private final Consultants consultants;
    private final ProjectRates rates;
    private final TimesheetEventPublisher events;
    private final TimeEntries entries;

    CustomerDirectory(Customers customers, Projects projects, Consultants consultants, ProjectRates rates,
            TimesheetEventPublisher events, TimeEntries entries) {
        this.entries = entries;
        this.customers = customers;
        this.projects = projects;
        this.consultants = consultants;
        this.rates = rates;
        this.events = events;
    }

    public Customer registerCustomer(CustomerDetails details) {
        Customer customer = customers.add(new Customer(UUID.randomUUID(), details));
        events.customerChanged(customer);
        return customer;
    }

    public Customer changeCustomer(UUID id, CustomerDetails details) {
        Customer customer = customers.findById(id).orElseThrow(() -> new NotFound("no customer " + id));
        customer.change(details);
        events.customerChanged(customer);
        return customer;
    }

    public Project registerProject(UUID customerId, String code, String name, BillingType billingType, boolean overhead) {
        customers.findById(customerId).orElseThrow(() -> new NotFound("customerId", "no customer " + customerId));
        if (projects.existsByCode(code)) throw new InvalidField("code", "project code " + code + " is taken");
        Project project = projects.add(new Project(UUID.randomUUID(), customerId, code, name,
                overhead ? BillingType.NOT_BILLED : billingType, overhead));
        events.projectChanged(project);
        return project;
    }

    /** Renames a project or changes its billing type (only before hours of it are approved); billing learns it by event. */
    public Project changeProject(UUID id, String name, BillingType billingType) {
        Project project = projects.findById(id).orElseThrow(() -> new NotFound("no such project"));
        if (billingType == null) throw new InvalidField("billingType", "say how the project is billed");
        project.change(name, billingType, entries.hasPricedEntries(id));
        events.projectChanged(project);
        return project;
    }

    public Consultant registerConsultant(String name, String role, BigDecimal defaultRate) {
        return consultants.add(new Consultant(UUID.randomUUID(), name, role, defaultRate));
    }

    public ProjectRate setProjectRate(UUID projectId, String role, BigDecimal rate) {
        projects.findById(projectId).orElseThrow(() -> new NotFound("no project " + projectId));
        return rates.findByProjectIdAndRole(projectId, role)
                .map(existing -> {
                    existing.change(rate);
                    return existing;
                })
                .orElseGet(() -> rates.add(new ProjectRate(UUID.randomUUID(), projectId, role, rate)));
    }
}
