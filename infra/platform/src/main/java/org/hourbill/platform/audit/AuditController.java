package org.hourbill.platform.audit;

import java.time.Instant;
import java.util.List;

import org.hourbill.platform.problem.InvalidField;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /audit}: who did what in this service, newest first, for auditors and finance. */
@RestController
public class AuditController {
    private final AuditLog auditLog;

    public AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/audit")
    public List<AuditEntry> find(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) throw new InvalidField("limit", "limit must be between 1 and 1000");
        return auditLog.find(actor, action, from, to, limit);
    }
}
