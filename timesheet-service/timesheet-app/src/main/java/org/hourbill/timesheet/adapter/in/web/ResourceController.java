package org.hourbill.timesheet.adapter.in.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.hourbill.timesheet.application.CustomerDirectory;
import org.hourbill.timesheet.domain.Consultant;
import org.hourbill.timesheet.domain.Consultants;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Consultants ("resources"), each with a role and a default hourly bill rate. */
@RestController
@RequestMapping("/resources")
class ResourceController {
    private final CustomerDirectory directory;
    private final Consultants consultants;

    ResourceController(CustomerDirectory directory, Consultants consultants) {
        this.directory = directory;
        this.consultants = consultants;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ResourceView> register(@Valid @RequestBody ResourceRequest request) {
        Consultant c = directory.registerConsultant(request.name(), request.role(), request.defaultRate());
        return ResponseEntity.created(URI.create("/resources/" + c.id())).body(ResourceView.of(c));
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<ResourceView> list() {
        return consultants.findAllByOrderByName().stream().map(ResourceView::of).toList();
    }

    record ResourceRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String role,
            @NotNull @DecimalMin("0") BigDecimal defaultRate) {
    }

    record ResourceView(UUID id, String name, String role, BigDecimal defaultRate) {
        static ResourceView of(Consultant c) {
            return new ResourceView(c.id(), c.name(), c.role(), c.defaultRate());
        }
    }
}
