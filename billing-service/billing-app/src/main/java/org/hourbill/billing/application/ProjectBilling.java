package org.hourbill.billing.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hourbill.billing.domain.plan.ActivityPrice;
import org.hourbill.billing.domain.plan.Amounts;
import org.hourbill.billing.domain.plan.BillingDefaults;
import org.hourbill.billing.domain.plan.BillingProject;
import org.hourbill.billing.domain.plan.BillingType;
import org.hourbill.billing.domain.plan.CatalogItem;
import org.hourbill.billing.domain.plan.ProjectElement;
import org.hourbill.billing.domain.plan.Term;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.InvalidField;
import org.hourbill.platform.problem.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What billing keeps to bill each kind of project: a fixed-price project's order and billing calendar (terms and
 * the activities and milestones that trigger them), a capped project's validated work amount, activity prices,
 * the catalog of products and services, and each customer's billing defaults.
 */
@Service
@Transactional
public class ProjectBilling {
    private final ProjectPlans plans;
    private final ProductCatalog catalog;
    private final CustomerBillingDefaults defaults;
    private final UnbilledPool pool;

    ProjectBilling(ProjectPlans plans, ProductCatalog catalog, CustomerBillingDefaults defaults, UnbilledPool pool) {
        this.plans = plans;
        this.catalog = catalog;
        this.defaults = defaults;
        this.pool = pool;
    }

    @Transactional(readOnly = true)
    public Plan plan(UUID projectId) {
        BillingProject project = project(projectId);
        BigDecimal used = plans.capUsed(projectId);
        BigDecimal left = project.validatedWorkAmount() == null ? null : project.validatedWorkAmount().subtract(used).max(BigDecimal.ZERO);
        return new Plan(project, project.billingType() == BillingType.CAPPED_TIME_AND_MATERIALS ? used : null,
                project.billingType() == BillingType.CAPPED_TIME_AND_MATERIALS ? left : null, plans.elements(projectId),
                terms(projectId), plans.prices(projectId));
    }

    public Plan setAmounts(UUID projectId, BigDecimal orderAmount, BigDecimal validatedWorkAmount) {
        project(projectId);
        if (orderAmount != null) Amounts.require("orderAmount", orderAmount, 3, false);
        if (validatedWorkAmount != null) Amounts.require("validatedWorkAmount", validatedWorkAmount, 3, true);
        plans.saveAmounts(projectId, orderAmount, validatedWorkAmount);
        return plan(projectId);
    }

    public ProjectElement addElement(UUID projectId, ProjectElement.Kind kind, String name, BigDecimal validated, BigDecimal planned,
            LocalDate endDate) {
        project(projectId);
        if (kind == null) throw new InvalidField("kind", "ACTIVITY or MILESTONE");
        ProjectElement element = new ProjectElement(UUID.randomUUID(), projectId, kind, name, validated, planned, endDate);
        plans.addElement(element);
        return element;
    }

    /** Adds a term to a fixed-price project's billing calendar; its trigger elements must be the project's own. */
    public TermView addTerm(UUID projectId, String name, BigDecimal amount, LocalDate date, List<UUID> triggers) {
        BillingProject project = project(projectId);
        if (project.billingType() != BillingType.FIXED_PRICE) {
            throw new InvalidField("projectId", "project " + project.code() + " is billed " + project.billingType().words()
                    + "; only fixed-price projects have a billing calendar of terms");
        }
        requireOwnElements(projectId, triggers);
        Term term = new Term(UUID.randomUUID(), projectId, name, amount, date, Term.TermState.OPEN, null, triggers);
        plans.addTerm(term);
        return termView(projectId, term.id());
    }

    /** Changes an open term's name, amount, date or triggers; a billed or reserved term is history. */
    public TermView reviseTerm(UUID projectId, UUID termId, String name, BigDecimal amount, LocalDate date, List<UUID> triggers) {
        Term term = term(projectId, termId); // an unknown project or term is 404 before any check of the body
        requireOwnElements(projectId, triggers);
        saveOpen(term.revised(name, amount, date, triggers));
        return termView(projectId, termId);
    }

    /** Takes an open term off the billing calendar (the contract changed); it stays listed as retired. */
    public TermView retireTerm(UUID projectId, UUID termId) {
        saveOpen(term(projectId, termId).retired());
        return termView(projectId, termId);
    }

    private Term term(UUID projectId, UUID termId) {
        project(projectId);
        return plans.term(termId).filter(t -> t.projectId().equals(projectId))
                .orElseThrow(() -> new NotFound("the project has no such term"));
    }

    private void saveOpen(Term term) {
        if (!plans.saveOpenTerm(term)) throw new ConflictingState("term '" + term.name() + "' was taken by a bill meanwhile");
    }

    private void requireOwnElements(UUID projectId, List<UUID> triggers) {
        var known = plans.elements(projectId).stream().map(ProjectElement::id).collect(Collectors.toSet());
        for (UUID trigger : triggers == null ? List.<UUID>of() : triggers) {
            if (!known.contains(trigger)) throw new InvalidField("triggerElementIds", "a trigger must be an activity or milestone of the project");
        }
    }

    private TermView termView(UUID projectId, UUID termId) {
        return terms(projectId).stream().filter(t -> t.term().id().equals(termId)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<TermView> terms(UUID projectId) {
        Map<UUID, ProjectElement> elements = plans.elements(projectId).stream()
                .collect(Collectors.toMap(ProjectElement::id, Function.identity()));
        return plans.terms(projectId).stream().map(t -> new TermView(t,
                Term.Reminder.of(t.triggerElementIds().stream().map(elements::get).toList()))).toList();
    }

    public ActivityPrice setPrice(UUID projectId, String activityType, BigDecimal dailyPrice) {
        BillingProject project = project(projectId);
        if (!project.billingType().billsProducedWork()) {
            throw new InvalidField("projectId", "project " + project.code() + " is billed " + project.billingType().words()
                    + "; activity prices bill produced work");
        }
        ActivityPrice price = new ActivityPrice(projectId, activityType == null ? null : activityType.strip(), dailyPrice);
        plans.savePrice(price);
        return price;
    }

    public CatalogItem addToCatalog(String name, CatalogItem.Type type, String description, BigDecimal unitPrice, String unit) {
        CatalogItem item = new CatalogItem(UUID.randomUUID(), strip(name), type, description, unitPrice, unit == null ? "C62" : unit, false);
        catalog.add(item);
        return item;
    }

    /** Changes an item for the lines still to come; lines already on a bill keep the name and price they copied. */
    public CatalogItem reviseCatalogItem(UUID id, String name, CatalogItem.Type type, String description, BigDecimal unitPrice,
            String unit) {
        CatalogItem item = catalogItem(id).revised(strip(name), type, description, unitPrice, unit == null ? "C62" : unit);
        catalog.saveOffered(item);
        return item;
    }

    public CatalogItem retireCatalogItem(UUID id) {
        CatalogItem item = catalogItem(id).retire();
        catalog.saveOffered(item);
        return item;
    }

    @Transactional(readOnly = true)
    public List<CatalogItem> catalog(boolean withRetired) {
        return catalog.all(withRetired);
    }

    @Transactional(readOnly = true)
    public CatalogItem catalogItem(UUID id) {
        return catalog.find(id).orElseThrow(() -> new NotFound("the catalog has no such item"));
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    public BillingDefaults setDefaults(BillingDefaults d) {
        pool.customer(d.customerId()).orElseThrow(() -> new NotFound("billing knows no customer " + d.customerId()));
        if (d.billContact() != null && (d.billContact().name() == null || d.billContact().name().isBlank())) {
            throw new InvalidField("billContact.name", "a bill contact has a name");
        }
        if (d.paymentRecipient() != null && (d.paymentRecipient().name() == null || d.paymentRecipient().name().isBlank())) {
            throw new InvalidField("paymentRecipient.name", "a payment recipient has a name");
        }
        defaults.save(d);
        return d;
    }

    @Transactional(readOnly = true)
    /** A known customer without defaults has empty ones; an unknown customer is not found. */
    public BillingDefaults defaults(UUID customerId) {
        pool.customer(customerId).orElseThrow(() -> new NotFound("billing knows no customer " + customerId));
        return defaults.find(customerId).orElse(new BillingDefaults(customerId, null, null));
    }

    private BillingProject project(UUID projectId) {
        return plans.project(projectId).orElseThrow(() -> new NotFound("billing knows no project " + projectId));
    }

    /**
     * @param capUsed what bills have taken of a capped project's cap; null for other types
     * @param capLeft what is left of it; null for other types or without cap
     */
    public record Plan(BillingProject project, BigDecimal capUsed, BigDecimal capLeft, List<ProjectElement> elements,
            List<TermView> terms, List<ActivityPrice> activityPrices) {
    }

    /** A term with the reminder its trigger elements give. */
    public record TermView(Term term, Term.Reminder reminder) {
    }
}
