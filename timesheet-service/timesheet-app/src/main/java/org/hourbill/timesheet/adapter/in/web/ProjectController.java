package org.hourbill.timesheet.adapter.in.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hourbill.timesheet.application.CustomerDirectory;
import org.hourbill.timesheet.domain.Project;
import org.hourbill.timesheet.domain.ProjectRate;
import org.hourbill.timesheet.domain.Projects;
import org.hourbill.timesheet.events.BillingType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/projects")
class ProjectController {
    private final CustomerDirectory directory;
    private final Projects projects;

    ProjectController(CustomerDirectory directory, Projects projects) {
        this.directory = directory;
        this.projects = projects;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ProjectView> register(@Valid @RequestBody ProjectRequest request) {
        Project project = directory.registerProject(request.customerId(), request.code(), request.name(),
                request.billingType(), Boolean.TRUE.equals(request.overhead()));
        return ResponseEntity.created(URI.create("/projects/" + project.id())).body(ProjectView.of(project));
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<ProjectView> list(@RequestParam(required = false) UUID customerId) {
        var found = customerId == null ? projects.findAllByOrderByCode() : projects.findByCustomerIdIn(Set.of(customerId));
        return found.stream().map(ProjectView::of).toList();
    }

    /** Renames the project or changes its billing type; the type is fixed once hours of the project are approved. */
    @PutMapping("/{id}")
    ProjectView change(@PathVariable UUID id, @Valid @RequestBody ProjectChange request) {
        return ProjectView.of(directory.changeProject(id, request.name(), request.billingType()));
    }

    /** Sets the hourly rate of a role on this project (it wins over the consultant's default rate). */
    @PutMapping("/{id}/rates/{role}")
    RateView setRate(@PathVariable UUID id, @PathVariable String role, @Valid @RequestBody RateRequest request) {
        ProjectRate rate = directory.setProjectRate(id, role, request.rate());
        return new RateView(rate.projectId(), rate.role(), rate.rate());
    }

    record ProjectRequest(@NotNull UUID customerId, @NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String name,
            @NotNull BillingType billingType, Boolean overhead) {
    }

    record ProjectChange(@NotBlank @Size(max = 200) String name, @NotNull BillingType billingType) {
    }

    record RateRequest(@NotNull @DecimalMin("0") BigDecimal rate) {
    }

    record RateView(UUID projectId, String role, BigDecimal rate) {
    }

    record ProjectView(UUID id, UUID customerId, String code, String name, BillingType billingType, boolean overhead) {
        static ProjectView of(Project p) {
            return new ProjectView(p.id(), p.customerId(), p.code(), p.name(), p.billingType(), p.overhead());
        }
    }
}
