package org.hourbill.localstack;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The guarantees of a fault run, counted straight from the services' databases and the topics; every figure must be 0.
 */
final class Invariants {
    private final FaultStack stack;

    Invariants(FaultStack stack) {
        this.stack = stack;
    }

    /** Waits (at most {@code bound}) until every run has ended, every outbox is empty and every consumer has caught up. */
    Duration settle(Duration bound) throws Exception {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (runsNotEnded() == 0 && unpublished() == 0 && consumerLag() == 0) break;
            } catch (Exception e) {
                // a part still coming back
            }
            Thread.sleep(1000);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Each invariant with its figure, in the order printed. */
    Map<String, Long> count() throws Exception {
        Map<String, Long> figures = new LinkedHashMap<>();
        try (Connection invoices = stack.connect(Service.INVOICE); Connection frameOrders = stack.connect(Service.FRAME_ORDER);
             Connection payments = stack.connect(Service.PAYMENT)) {
            figures.put("duplicate invoice or credit note numbers", count(invoices, """
                    select (select count(*) - count(distinct number) from invoice)
                         + (select count(*) - count(distinct number) from credit_note)"""));
            figures.put("gaps in a number series", count(invoices, """
                    select coalesce(sum(gaps), 0) from (
                      select max(n) - count(*) + (min(n) - 1) as gaps from (
                        select split_part(number, '-', 1) || '-' || split_part(number, '-', 2) as series,
                               cast(split_part(number, '-', 3) as bigint) as n from invoice
                        union all
                        select split_part(number, '-', 1) || '-' || split_part(number, '-', 2),
                               cast(split_part(number, '-', 3) as bigint) from credit_note) numbered
                      group by series) per_series"""));
            figures.put("entries on two live invoices", count(invoices, """
                    select count(*) from (select e from invoice_line l join invoice i on i.id = l.invoice_id, unnest(l.entry_ids) e
                      where not exists (select 1 from credit_note c where c.invoice_id = i.id) group by e having count(*) > 1) twice"""));
            figures.put("frame orders overdrawn or not the sum of their draw-downs", count(frameOrders, """
                    select count(*) from frame_order f where billed_hours > total_hours or billed_hours <> (select coalesce(sum(hours), 0)
                      from draw_down d where d.frame_order_id = f.id and d.status = 'DRAWN')"""));
            figures.put("invoice runs not ended", runsNotEnded());
            figures.put("outbox events not published", unpublished());
            figures.put("events not received by a consumer group (lag)", consumerLag());
            figures.put("events on dead-letter topics", deadLetters());
            figures.put("invoices paid twice", count(payments, """
                    select count(*) from (select invoice_id from payment where not reversed group by invoice_id having count(*) > 1) twice"""));
            figures.put("receivables that differ from invoices minus payments", receivablesOutOfStep(invoices, payments));
        }
        return figures;
    }

    /**
     * Every invoice has one receivable with its total, marked VOID exactly when a credit note cancelled it, paid exactly
     * what its payments applied; and no receivable without an invoice.
     */
    private long receivablesOutOfStep(Connection invoices, Connection payments) throws Exception {
        Map<String, String> issued = new HashMap<>();
        try (var rs = invoices.createStatement().executeQuery("""
                select i.id, i.total, exists (select 1 from credit_note c where c.invoice_id = i.id) from invoice i""")) {
            while (rs.next()) issued.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + "|" + rs.getBoolean(3));
        }
        Map<String, String> owed = new HashMap<>();
        long paidOutOfStep;
        try (var rs = payments.createStatement().executeQuery("select invoice_id, total, status = 'VOID' from receivable")) {
            while (rs.next()) owed.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + "|" + rs.getBoolean(3));
        }
        paidOutOfStep = count(payments, """
                select count(*) from receivable r where r.amount_paid <> (select coalesce(sum(p.applied), 0) from payment p
                  where p.invoice_id = r.invoice_id and not p.reversed)""");
        Set<String> all = new java.util.HashSet<>(issued.keySet());
        all.addAll(owed.keySet());
        return all.stream().filter(id -> !java.util.Objects.equals(issued.get(id), owed.get(id))).count() + paidOutOfStep;
    }

    long runsNotEnded() throws Exception {
        try (Connection billing = stack.connect(Service.BILLING)) {
            return count(billing, "select count(*) from invoice_run where finished_at is null");
        }
    }

    long unpublished() throws Exception {
        long rows = 0;
        for (Service service : Service.values()) {
            try (Connection c = stack.connect(service)) {
                rows += count(c, "select count(*) from outbox_event");
            }
        }
        return rows;
    }

    /** Records on the service topics that a consumer group has not committed yet, summed over all groups. */
    long consumerLag() throws Exception {
        try (Admin admin = admin()) {
            long lag = 0;
            for (var group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
                Map<TopicPartition, Long> ends = endOffsets(admin, topics);
                for (var end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    lag += end.getValue() - (at == null ? 0 : at.offset());
                }
            }
            return lag;
        }
    }

    long deadLetters() throws Exception {
        try (Admin admin = admin()) {
            Set<String> dlqs = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream().filter(t -> t.endsWith(".dlq"))
                    .collect(Collectors.toSet());
            return endOffsets(admin, dlqs).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A fault and the sagas it struck: in flight while it lasted, the last of them ended {@code lastEnded} after it. */
    record Stall(FaultInjector.Fault fault, long sagasInFlight, Duration lastEnded) {
        String line() {
            return String.format("%-44s %s  sagas in flight %3d, the last ended %s after%s", fault.what(), fault.at(), sagasInFlight,
                    lastEnded == null ? "-" : String.format("%.1f s", lastEnded.toMillis() / 1000.0), fault.note());
        }
    }

    /**
     * For each fault: the sagas in flight while it lasted (running when it struck, or started before the part was
     * back) and how long after it struck the last of them ended. The faults' instants must be on the services' business
     * clock, as the runs' timestamps are ({@link FaultInjector.Fault#onBusinessClock}).
     */
    List<Stall> stalls(List<FaultInjector.Fault> faults) throws Exception {
        List<Stall> stalls = new ArrayList<>();
        try (Connection billing = stack.connect(Service.BILLING);
             var inFlight = billing.prepareStatement("""
                     select count(*), max(finished_at) from invoice_run where started_at <= ? and finished_at >= ?""")) {
            for (FaultInjector.Fault fault : faults) {
                inFlight.setTimestamp(1, java.sql.Timestamp.from(fault.over()));
                inFlight.setTimestamp(2, java.sql.Timestamp.from(fault.at()));
                try (var rs = inFlight.executeQuery()) {
                    rs.next();
                    long runs = rs.getLong(1);
                    stalls.add(new Stall(fault, runs, runs == 0 ? null : Duration.between(fault.at(), rs.getTimestamp(2).toInstant())));
                }
            }
        }
        return stalls;
    }

    /** Saga latency (generation to entries locked) of the runs that no fault struck, for comparison. */
    String undisturbedSagaLatency(List<FaultInjector.Fault> faults) throws Exception {
        List<Long> millis = new ArrayList<>();
        try (Connection billing = stack.connect(Service.BILLING);
             var rs = billing.createStatement().executeQuery("select started_at, finished_at from invoice_run where finished_at is not null")) {
            while (rs.next()) {
                Instant s = rs.getTimestamp(1).toInstant(), f = rs.getTimestamp(2).toInstant();
                if (faults.stream().noneMatch(x -> !x.over().isBefore(s) && !x.at().isAfter(f))) millis.add(Duration.between(s, f).toMillis());
            }
        }
        if (millis.isEmpty()) return "none";
        java.util.Collections.sort(millis);
        return String.format("p50 %,d ms, p99 %,d ms (%,d runs)", millis.get(millis.size() / 2),
                millis.get(Math.min(millis.size() - 1, (int) Math.ceil(0.99 * millis.size()) - 1)), millis.size());
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Set<String> topics) throws Exception {
        if (topics.isEmpty()) return Map.of();
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p ->
                latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> result = new HashMap<>();
        ends.forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }

    private static long count(Connection c, String sql) throws Exception {
        return BenchmarkStack.count(c, sql);
    }
}
