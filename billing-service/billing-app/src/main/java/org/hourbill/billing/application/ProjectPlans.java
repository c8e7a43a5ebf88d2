package org.hourbill.billing.application;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.domain.plan.ActivityPrice;
import org.hourbill.billing.domain.plan.BillingProject;
import org.hourbill.billing.domain.plan.ProjectElement;
import org.hourbill.billing.domain.plan.Term;

/**
 * Persistence port of what billing keeps about projects: order and cap, activities and milestones, the billing
 * calendar's terms, activity prices, and what bills have taken of caps and terms.
 */
public interface ProjectPlans {
    Optional<BillingProject> project(UUID projectId);

    /** The project, locked until the transaction ends: bills of one capped project take its cap one after the other. */
    Optional<BillingProject> lockProject(UUID projectId);

    void saveAmounts(UUID projectId, BigDecimal orderAmount, BigDecimal validatedWorkAmount);

    void addElement(ProjectElement element);

    List<ProjectElement> elements(UUID projectId);

    void addTerm(Term term);

    /** Saves a changed or retired term; false when it was no longer open (a bill took it meanwhile). */
    boolean saveOpenTerm(Term term);

    List<Term> terms(UUID projectId);

    Optional<Term> term(UUID termId);

    /** Takes open terms for a run; returns how many it took (fewer: another bill has them). */
    int reserveTerms(UUID runId, Collection<UUID> termIds);

    void releaseTerms(UUID runId);

    void settleTerms(UUID runId, String invoiceNumber);

    /** A voided invoice's terms are billable again, or written off for good; returns how many moved. */
    int voidTerms(String invoiceNumber, boolean writeOff);

    void savePrice(ActivityPrice price);

    Optional<ActivityPrice> price(UUID projectId, String activityType);

    List<ActivityPrice> prices(UUID projectId);

    /** What issued and generating bills have taken of the project's cap. */
    BigDecimal capUsed(UUID projectId);

    void useCap(UUID runId, UUID projectId, BigDecimal amount);

    void releaseCap(UUID runId);

    void settleCap(UUID runId, String invoiceNumber);

    void voidCap(String invoiceNumber);
}
