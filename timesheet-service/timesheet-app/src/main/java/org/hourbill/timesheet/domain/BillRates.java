package org.hourbill.timesheet.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Which rate applies to a consultant's hours on a project: the project's rate for the role, else the default. */
public final class BillRates {
    private final Map<UUID, Map<String, BigDecimal>> byProjectAndRole = new HashMap<>();

    public BillRates(List<ProjectRate> projectRates) {
        for (ProjectRate r : projectRates) {
            byProjectAndRole.computeIfAbsent(r.projectId(), p -> new HashMap<>()).put(r.role(), r.rate());
        }
    }

    public BigDecimal rateFor(UUID projectId, Consultant consultant) {
        BigDecimal projectRate = byProjectAndRole.getOrDefault(projectId, Map.of()).get(consultant.role());
        return projectRate != null ? projectRate : consultant.defaultRate();
    }
}
