package org.hourbill.platform.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One thing a person did through the API: who, with which roles, what, on what, and when. */
public record AuditEntry(UUID id, Instant occurredAt, String actor, String actorName, String roles, String action,
        String method, String path, Map<String, String> target, int status, String correlationId) {
}
