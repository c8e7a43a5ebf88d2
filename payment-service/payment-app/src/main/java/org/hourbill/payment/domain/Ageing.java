package org.hourbill.payment.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Open amounts per customer and currency, split by how far past their due date they are. */
public record Ageing(UUID customerId, String currency, Map<AgeingBucket, BigDecimal> buckets, BigDecimal totalOpen) {

    public static List<Ageing> of(List<Receivable> receivables, LocalDate asOf) {
        record Key(UUID customerId, String currency) {
        }
        Map<Key, Map<AgeingBucket, BigDecimal>> byCustomer = new LinkedHashMap<>();
        for (Receivable r : receivables) {
            if (r.status() != ReceivableStatus.OPEN || r.amountOpen().signum() == 0) continue;
            Map<AgeingBucket, BigDecimal> buckets = byCustomer.computeIfAbsent(new Key(r.customerId(), r.currency()), k -> {
                Map<AgeingBucket, BigDecimal> m = new EnumMap<>(AgeingBucket.class);
                for (AgeingBucket b : AgeingBucket.values()) m.put(b, BigDecimal.ZERO.setScale(r.total().scale()));
                return m;
            });
            buckets.merge(AgeingBucket.of(r.daysPastDue(asOf)), r.amountOpen(), BigDecimal::add);
        }
        List<Ageing> result = new ArrayList<>();
        byCustomer.forEach((k, buckets) -> result.add(new Ageing(k.customerId(), k.currency(), buckets,
                buckets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))));
        return result;
    }
}
