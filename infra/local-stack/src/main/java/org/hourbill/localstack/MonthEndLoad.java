package org.hourbill.localstack;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * Billing clerks and finance users closing a month through the gateway, as the console would: an approver approves
 * each customer's submitted hours; a clerk starts the customer's review, defers one entry and writes one off now and
 * then, picks the frame order where the customer has one, and runs Generate & Issue until its run ends; finance sends
 * each issued invoice and records its payment under an idempotency key, or voids one invoice in ten (its entries go
 * back to the pool).
 *
 * <p>Clients behave as well-made clients do: every POST carries an Idempotency-Key, and an answer 503 with Retry-After,
 * 502 (outcome unknown) or no answer at all is asked again under the same key (a generation also after looking at the
 * review, which says whether it started); every request and answer is logged in {@link ClientLog}.
 */
final class MonthEndLoad {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Api api;
    private final String gateway;
    private final ClientLog log;
    private final LocalDate today;
    private final Random random;
    private final Map<String, String> frameOrders = new ConcurrentHashMap<>();
    final AtomicInteger issued = new AtomicInteger();
    final AtomicInteger failedRuns = new AtomicInteger();
    final AtomicInteger voided = new AtomicInteger();
    final AtomicInteger paid = new AtomicInteger();
    final List<String> failureReasons = Collections.synchronizedList(new ArrayList<>());

    MonthEndLoad(Api api, String gateway, ClientLog log, LocalDate today, long seed) {
        this.api = api;
        this.gateway = gateway;
        this.log = log;
        this.today = today;
        this.random = new Random(seed);
    }

    record Customer(String id, List<String> entryIds) {
    }

    /** Every other customer gets a frame order large enough for its month. */
    void openFrameOrders(List<Customer> customers) throws Exception {
        for (int i = 0; i < customers.size(); i += 2) {
            Customer c = customers.get(i);
            JsonNode order = ok(call("POST", "/api/frame-order/frame-orders", Map.of("customerId", c.id(),
                    "poNumber", "PO-" + c.id().substring(0, 8), "totalHours", c.entryIds().size() * 4,
                    "validFrom", "2026-01-01", "validTo", "2027-12-31"), "open frame order"));
            frameOrders.put(c.id(), order.get("id").asString());
        }
    }

    /** Approves, reviews, issues, sends, pays or voids for every customer with {@code clerks} clerks at once. */
    void run(List<Customer> customers, int clerks) throws Exception {
        BlockingQueue<String> toFinance = new LinkedBlockingQueue<>();
        AtomicInteger clerksLeft = new AtomicInteger(clerks);
        BlockingQueue<Customer> toBill = new LinkedBlockingQueue<>(customers);
        try (ExecutorService people = Executors.newFixedThreadPool(clerks + 2)) {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < clerks; i++) {
                work.add(people.submit(() -> {
                    try {
                        for (Customer c; (c = toBill.poll()) != null; ) {
                            approve(c);
                            String number = closeMonth(c);
                            if (number != null) toFinance.add(number);
                        }
                    } finally {
                        clerksLeft.decrementAndGet();
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 2; i++) {
                work.add(people.submit(() -> {
                    while (clerksLeft.get() > 0 || !toFinance.isEmpty()) {
                        String number = toFinance.poll(200, TimeUnit.MILLISECONDS);
                        if (number != null) settle(number);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) f.get();
        }
    }

    private void approve(Customer c) throws Exception {
        Api.Response r = call("POST", "/api/timesheet/time-entries/approvals", Map.of("entryIds", c.entryIds()), "approve");
        // asked again after a lost answer: they are approved already
        if (r.status() != 200 && r.status() != 409) throw unexpected("approve", r);
    }

    /** The customer's month through Generate & Issue; returns the invoice number, or null when its run failed. */
    private String closeMonth(Customer c) throws Exception {
        JsonNode review = awaitReviewWithAllEntries(c);
        String reviewId = review.get("id").asString();
        List<String> entries = new ArrayList<>();
        review.get("entries").forEach(e -> entries.add(e.get("entryId").asString()));
        boolean decide;
        synchronized (random) {
            decide = random.nextInt(5) == 0;
        }
        if (decide && entries.size() >= 3) {
            ok(call("POST", "/api/billing/reviews/" + reviewId + "/decisions", Map.of("decisions", List.of(
                    Map.of("entryId", entries.get(0), "decision", "DEFER"),
                    Map.of("entryId", entries.get(1), "decision", "WRITE_OFF", "reason", "goodwill"))), "decide"));
        }
        Map<String, Object> options = new LinkedHashMap<>(Map.of("periodFrom", "2026-10-01", "periodTo", "2026-10-31",
                "paymentTermsDays", 30));
        if (frameOrders.containsKey(c.id())) options.put("frameOrderId", frameOrders.get(c.id()));
        ok(call("PUT", "/api/billing/reviews/" + reviewId + "/options", options, "options"));
        String run = generate(reviewId);
        JsonNode ended = awaitEnd(run);
        if ("COMPLETED".equals(ended.get("step").asString())) {
            issued.incrementAndGet();
            return ended.get("invoiceNumber").asString();
        }
        failedRuns.incrementAndGet();
        failureReasons.add(ended.get("failureReason").asString());
        return null;
    }

    /** Starts reviews until one holds all the customer's approved entries (billing takes them in a moment after approval). */
    private JsonNode awaitReviewWithAllEntries(Customer c) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            Api.Response started = call("POST", "/api/billing/reviews", Map.of("customerId", c.id(), "periodFrom", "2026-10-01",
                    "periodTo", "2026-10-31"), "start review");
            // 409: billing has none of the customer's approved entries yet
            if (started.status() != 409) {
                JsonNode review = ok(started);
                if (review.get("entries").size() >= c.entryIds().size()) return review;
            }
            if (System.nanoTime() > deadline) throw new IllegalStateException("customer " + c.id() + "'s entries never reached billing");
            Thread.sleep(500);
        }
    }

    /** Generate & Issue; after a lost answer the review says whether the run started (and which). */
    private String generate(String reviewId) throws Exception {
        while (true) {
            Api.Response r = call("POST", "/api/billing/reviews/" + reviewId + "/generation", Map.of(), "generate");
            if (r.status() == 202) return r.json().get("id").asString();
            JsonNode review = ok(call("GET", "/api/billing/reviews/" + reviewId, null, "review"));
            if (review.hasNonNull("invoiceRunId")) return review.get("invoiceRunId").asString();
            if (r.status() != 0 && r.status() < 500) throw unexpected("generate", r);
        }
    }

    private JsonNode awaitEnd(String run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode state = ok(call("GET", "/api/billing/invoice-runs/" + run, null, "run"));
            String step = state.get("step").asString();
            if (step.equals("COMPLETED") || step.equals("FAILED")) return state;
            Thread.sleep(300);
        }
        throw new IllegalStateException("invoice run " + run + " did not end in 10 minutes");
    }

    /** Finance: sends the invoice, then records its payment, or voids one in ten. */
    private void settle(String number) throws Exception {
        JsonNode invoice = ok(call("GET", "/api/invoice/invoices/by-number/" + number, null, "invoice"));
        String id = invoice.get("id").asString();
        Api.Response sent = call("POST", "/api/invoice/invoices/" + id + "/sending", Map.of("sentOn", today.toString(),
                "mode", "EMAIL"), "send");
        if (sent.status() != 200 && sent.status() != 409) throw unexpected("send", sent); // 409: sent by the lost try
        if (Math.floorMod(number.hashCode(), 10) == 0) {
            Api.Response v = call("POST", "/api/invoice/invoices/" + id + "/voiding", Map.of("voidedOn", today.toString(),
                    "reason", "wrong period", "entries", "RETURN_TO_POOL"), "void");
            if (v.status() != 201 && v.status() != 409) throw unexpected("void", v);
            voided.incrementAndGet();
            return;
        }
        String key = UUID.randomUUID().toString();
        BigDecimal total = invoice.get("total").decimalValue();
        Api.Response payment = call("POST", "/api/payment/payments", Map.of("invoiceId", id, "paidOn", today.toString(),
                "mode", "TRANSFER", "currency", invoice.get("currency").asString(), "amount", total, "fee", 0), "pay",
                "Idempotency-Key", key);
        // 409 not-yet-known with Retry-After until payment-service has heard of the invoice: asked again, under the same key
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (payment.status() == 409 && payment.retryAfter().isPresent()) {
            if (System.nanoTime() > deadline) throw unexpected("pay", payment);
            Thread.sleep(300);
            payment = call("POST", "/api/payment/payments", Map.of("invoiceId", id, "paidOn", today.toString(),
                    "mode", "TRANSFER", "currency", invoice.get("currency").asString(), "amount", total, "fee", 0), "pay",
                    "Idempotency-Key", key);
        }
        if (payment.status() != 201 && payment.status() != 200) throw unexpected("pay", payment);
        paid.incrementAndGet();
    }

    /**
     * One request through the gateway. No answer, or 503 with Retry-After, is asked again after a short pause (at most
     * for two minutes); anything else is returned as it came.
     */
    Api.Response call(String method, String path, Object body, String what, String... headers) throws Exception {
        if (method.equals("POST") && !List.of(headers).contains("Idempotency-Key")) {
            headers = java.util.stream.Stream.concat(java.util.stream.Stream.of(headers),
                    java.util.stream.Stream.of("Idempotency-Key", what + "-" + UUID.randomUUID())).toArray(String[]::new);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            long start = System.nanoTime();
            Api.Response r;
            try {
                r = api.exchange(method, gateway + path, body, TIMEOUT, headers);
            } catch (IOException e) {
                r = new Api.Response(0, e.toString(), java.util.Optional.empty());
            }
            log.record(what, r.status(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                    r.status() >= 500 || r.status() == 0 ? method + " " + path + ": " + abbreviate(r.body()) : null);
            // 502 "outcome unknown": the instance died while handling it; under the same key the service answers what it
            // did, or does it now
            boolean again = r.status() == 0 || r.status() == 502 || r.status() == 503 && r.retryAfter().isPresent();
            if (!again || System.nanoTime() > deadline) return r;
            Thread.sleep(500);
        }
    }

    private static JsonNode ok(Api.Response r) {
        if (r.status() < 200 || r.status() >= 300) throw new IllegalStateException("answered " + r.status() + ": " + abbreviate(r.body()));
        return r.json();
    }

    private static IllegalStateException unexpected(String what, Api.Response r) {
        return new IllegalStateException(what + " answered " + r.status() + ": " + abbreviate(r.body()));
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
