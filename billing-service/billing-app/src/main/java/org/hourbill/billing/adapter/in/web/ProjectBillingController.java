package org.hourbill.billing.adapter.in.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hourbill.billing.application.ProjectBilling;
import org.hourbill.billing.domain.plan.ActivityPrice;
import org.hourbill.billing.domain.plan.BillingDefaults;
import org.hourbill.billing.domain.plan.CatalogItem;
import org.hourbill.billing.domain.plan.ProjectElement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * How each project is billed: order amount and cap, activities and milestones, the billing calendar of terms, and
 * activity prices; the catalog of products and services; customers' billing defaults.
 */
@RestController
class ProjectBillingController {
    private final ProjectBilling billing;

    ProjectBillingController(ProjectBilling billing) {
        this.billing = billing;
    }

    @GetMapping("/projects/{id}/billing")
    ProjectBilling.Plan plan(@PathVariable UUID id) {
        return billing.plan(id);
    }

    /** The order amount ("% of order") and, for capped projects, the validated work amount that caps their bills. */
    @PutMapping("/projects/{id}/billing")
    ProjectBilling.Plan amounts(@PathVariable UUID id, @Valid @RequestBody AmountsRequest request) {
        return billing.setAmounts(id, request.orderAmount(), request.validatedWorkAmount());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/projects/{id}/elements")
    ResponseEntity<ProjectElement> element(@PathVariable UUID id, @Valid @RequestBody ElementRequest r) {
        ProjectElement e = billing.addElement(id, r.kind(), r.name(), r.validatedAmount(), r.plannedAmount(), r.endDate());
        return ResponseEntity.status(201).body(e);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/projects/{id}/terms")
    ResponseEntity<ProjectBilling.TermView> term(@PathVariable UUID id, @Valid @RequestBody TermRequest r) {
        var term = billing.addTerm(id, r.name(), r.amount(), r.date(), r.triggerElementIds());
        return ResponseEntity.created(URI.create("/projects/" + id + "/terms")).body(term);
    }

    @PutMapping("/projects/{id}/terms/{termId}")
    ProjectBilling.TermView reviseTerm(@PathVariable UUID id, @PathVariable UUID termId, @Valid @RequestBody TermRequest r) {
        return billing.reviseTerm(id, termId, r.name(), r.amount(), r.date(), r.triggerElementIds());
    }

    /** Takes an open term off the billing calendar; it stays listed, as RETIRED. */
    @PostMapping("/projects/{id}/terms/{termId}/retirement")
    ProjectBilling.TermView retireTerm(@PathVariable UUID id, @PathVariable UUID termId) {
        return billing.retireTerm(id, termId);
    }

    @GetMapping("/projects/{id}/terms")
    List<ProjectBilling.TermView> terms(@PathVariable UUID id) {
        return billing.terms(id);
    }

    @PutMapping("/projects/{id}/activity-prices")
    ActivityPrice price(@PathVariable UUID id, @Valid @RequestBody PriceRequest r) {
        return billing.setPrice(id, r.activityType(), r.dailyPrice());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/catalog")
    ResponseEntity<CatalogItem> addToCatalog(@Valid @RequestBody CatalogRequest r) {
        CatalogItem item = billing.addToCatalog(r.name(), r.type(), r.description(), r.unitPrice(), r.unit());
        return ResponseEntity.created(URI.create("/catalog/" + item.id())).body(item);
    }

    @PutMapping("/catalog/{id}")
    CatalogItem reviseCatalogItem(@PathVariable UUID id, @Valid @RequestBody CatalogRequest r) {
        return billing.reviseCatalogItem(id, r.name(), r.type(), r.description(), r.unitPrice(), r.unit());
    }

    /** A retired item is offered for no new line; bills that used it keep their copy. */
    @PostMapping("/catalog/{id}/retirement")
    CatalogItem retireCatalogItem(@PathVariable UUID id) {
        return billing.retireCatalogItem(id);
    }

    /** @param retired also the retired items (for the record) */
    @GetMapping("/catalog")
    List<CatalogItem> catalog(@RequestParam(defaultValue = "false") boolean retired) {
        return billing.catalog(retired);
    }

    @GetMapping("/catalog/{id}")
    CatalogItem catalogItem(@PathVariable UUID id) {
        return billing.catalogItem(id);
    }

    /** Bill contact and payment recipient that every new bill of the customer starts with. */
    @PutMapping("/customers/{id}/billing-defaults")
    BillingDefaults setDefaults(@PathVariable UUID id, @Valid @RequestBody DefaultsRequest r) {
        return billing.setDefaults(new BillingDefaults(id, r.billContact(), r.paymentRecipient()));
    }

    @GetMapping("/customers/{id}/billing-defaults")
    BillingDefaults defaults(@PathVariable UUID id) {
        return billing.defaults(id);
    }

    record AmountsRequest(BigDecimal orderAmount, BigDecimal validatedWorkAmount) {
    }

    record ElementRequest(@NotNull ProjectElement.Kind kind, @NotBlank @Size(max = 200) String name, BigDecimal validatedAmount,
            BigDecimal plannedAmount, LocalDate endDate) {
    }

    record TermRequest(@NotBlank @Size(max = 200) String name, @NotNull BigDecimal amount, @NotNull LocalDate date,
            List<UUID> triggerElementIds) {
    }

    record PriceRequest(@NotBlank @Size(max = 100) String activityType, @NotNull BigDecimal dailyPrice) {
    }

    record CatalogRequest(@NotBlank @Size(max = 200) String name, @NotNull CatalogItem.Type type, @Size(max = 1000) String description,
            @NotNull BigDecimal unitPrice, @Size(max = 3) String unit) {
    }

    record DefaultsRequest(@Valid BillingDefaults.Contact billContact, @Valid BillingDefaults.PaymentRecipient paymentRecipient) {
    }
}
