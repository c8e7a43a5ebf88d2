package org.hourbill.billing.adapter.in.web;

import java.util.List;
import java.util.UUID;

import org.hourbill.billing.application.WriteOffReversals;
import org.hourbill.platform.audit.Audited;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Finance takes a write-off back: the entries are unbilled again, in billing and in timesheets. */
@RestController
class WriteOffReversalController {
    private final WriteOffReversals reversals;

    WriteOffReversalController(WriteOffReversals reversals) {
        this.reversals = reversals;
    }

    @Audited("reverse-write-off")
    @PostMapping("/customers/{customerId}/write-off-reversals")
    Reversed reverse(@PathVariable UUID customerId, @jakarta.validation.Valid @RequestBody ReversalRequest request) {
        return new Reversed(reversals.reverse(customerId, request.entryIds(), request.reason()));
    }

    record ReversalRequest(@NotEmpty @Size(max = 10_000) List<UUID> entryIds, @NotBlank @Size(max = 500) String reason) {
    }

    record Reversed(List<UUID> entryIds) {
    }
}
