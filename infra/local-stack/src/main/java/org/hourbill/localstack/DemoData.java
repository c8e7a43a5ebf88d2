package org.hourbill.localstack;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Loads a believable last month through the services' APIs: three customers in three currencies, projects of every
 * billing type set up as each needs (a fixed price with its billing calendar, a cap, activity prices, a catalog for
 * manual lines), four consultants with default and project rates, and a month of entries in every state (approved in
 * the first two weeks, one rejected, submitted in the third week, drafts in the last). Every customer can be invoiced
 * from the console at once.
 */
public final class DemoData {
    private final Api api;
    private final Function<Service, String> urls;
    private final String timesheet;

    DemoData() {
        this(Service::baseUrl, FrontDoor.AUTH_SERVER.baseUrl());
    }

    /** Demo data for services at {@code urls}, loaded with a token of the identity provider at {@code issuer}. */
    public DemoData(Function<Service, String> urls, String issuer) {
        this.api = new Api(issuer);
        this.urls = urls;
        this.timesheet = urls.apply(Service.TIMESHEET);
    }

    boolean alreadyLoaded() throws IOException, InterruptedException {
        return api.get(timesheet + "/customers").size() > 0;
    }

    public void load(YearMonth month) throws IOException, InterruptedException {
        String northwind = customer("Northwind Logistics GmbH", "Hafenstrasse 12, 20457 Hamburg, DE", "DE811234567", "19.00", "EUR", 30);
        String contoso = customer("Contoso Versicherungen AG", "Bahnhofstrasse 1, 8001 Zürich, CH", "CHE-123.456.789", "8.10", "CHF", 45);
        String fabrikam = customer("Fabrikam Retail Ltd", "1 King Street, London EC2V 8AU, GB", "GB123456789", "20.00", "GBP", 14);

        String erp = project(northwind, "NW-ERP", "ERP migration", "TIME_AND_MATERIALS", false);
        String wms = project(northwind, "NW-WMS", "Warehouse rollout", "FIXED_PRICE", false);
        String claims = project(contoso, "CO-CLAIMS", "Claims portal", "CAPPED_TIME_AND_MATERIALS", false);
        String audit = project(contoso, "CO-AUDIT", "Security audit", "TIME_AND_MATERIALS", false);
        String pos = project(fabrikam, "FB-POS", "Point-of-sale upgrade", "TIME_AND_MATERIALS", false);
        String internal = project(northwind, "INT-ADMIN", "Internal administration", "NOT_BILLED", true);
        String training = project(fabrikam, "FB-TRAIN", "Staff training", "MANUAL", false);

        String ada = resource("Ada Lovelace", "Principal", "165.00");
        String grace = resource("Grace Hopper", "Senior Consultant", "140.00");
        String alan = resource("Alan Turing", "Consultant", "110.00");
        String katherine = resource("Katherine Johnson", "Consultant", "105.00");
        api.put(timesheet + "/projects/" + erp + "/rates/Principal", Map.of("rate", new BigDecimal("175.00")));
        api.put(timesheet + "/projects/" + audit + "/rates/Consultant", Map.of("rate", new BigDecimal("125.00")));

        Map<String, List<String>> assignments = new LinkedHashMap<>();
        assignments.put(ada, List.of(erp, audit));
        assignments.put(grace, List.of(claims, erp));
        assignments.put(alan, List.of(pos, wms));
        assignments.put(katherine, List.of(audit, pos));

        Map<Integer, List<String>> byWeek = new HashMap<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            int week = Math.min(3, (day.getDayOfMonth() - 1) / 7);
            for (var assignment : assignments.entrySet()) {
                var projects = assignment.getValue();
                byWeek.computeIfAbsent(week, w -> new ArrayList<>()).add(
                        entry(projects.get(0), assignment.getKey(), day, "6.00", "Delivery", "Sprint work"));
                byWeek.get(week).add(entry(projects.get(1), assignment.getKey(), day, "1.50", "Meetings", "Status and planning"));
            }
            if (day.getDayOfWeek() == DayOfWeek.FRIDAY) {
                byWeek.get(week).add(entry(internal, ada, day, "0.50", "Timesheets", "Admin"));
            }
        }
        List<String> approved = new ArrayList<>(byWeek.getOrDefault(0, List.of()));
        approved.addAll(byWeek.getOrDefault(1, List.of()));
        List<String> submitted = new ArrayList<>(byWeek.getOrDefault(2, List.of()));
        String rejected = submitted.remove(submitted.size() - 1);
        transition("submissions", approved);
        transition("approvals", approved);
        transition("submissions", submitted);
        transition("submissions", List.of(rejected));
        api.post(timesheet + "/time-entries/rejections", Map.of("entryIds", List.of(rejected), "reason", "Booked on the wrong project"));
        frameOrder(northwind, "NW-PO-4711", "400", month);
        frameOrder(contoso, "CO-BPO-17", "60", month);
        billingOf(claims, Map.of("validatedWorkAmount", new BigDecimal("15000.00")));
        billingCalendar(wms, month);
        billingOf(audit, Map.of());
        api.put(urls.apply(Service.BILLING) + "/projects/" + audit + "/activity-prices",
                Map.of("activityType", "Delivery", "dailyPrice", new BigDecimal("950.00")));
        billingOf(training, Map.of());
        catalogItem("On-site workshop", "SERVICE", "One day on site, up to 12 participants", "1200.00", "DAY");
        catalogItem("Point-of-sale terminal licence", "PRODUCT", "Per terminal and year", "350.00", "C62");
        String invoice = invoiceSentAndPartlyPaid(fabrikam, month);
        System.out.printf("Demo data: 3 customers, 7 projects (every billing type), 4 consultants, %d approved, %d submitted, 1 rejected,"
                + " %d draft entries for %s, 2 frame orders, 2 catalog items, invoice %s (Fabrikam: sent, half paid)%n", approved.size(),
                submitted.size(), byWeek.getOrDefault(3, List.of()).size(), month, invoice);
    }

    /** Fabrikam's approved hours through the real month-end flow: reviewed, issued, sent, and half of it paid. */
    private String invoiceSentAndPartlyPaid(String customer, YearMonth month) throws IOException, InterruptedException {
        String billing = urls.apply(Service.BILLING), invoices = urls.apply(Service.INVOICE), payments = urls.apply(Service.PAYMENT);
        waitFor(() -> {
            JsonNode pool = api.get(billing + "/customers/" + customer + "/unbilled-entries");
            return pool.path("entries").isEmpty() ? null : pool;
        });
        String reviewId = api.post(billing + "/reviews", Map.of("customerId", customer)).get("id").asString();
        Map<String, Object> options = new HashMap<>();
        options.put("periodFrom", month.atDay(1).toString());
        options.put("periodTo", month.atEndOfMonth().toString());
        options.put("paymentTermsDays", 14);
        options.put("notes", "Point-of-sale upgrade, " + month);
        api.put(billing + "/reviews/" + reviewId + "/options", options);
        String run = api.post(billing + "/reviews/" + reviewId + "/generation", Map.of()).get("id").asString();
        JsonNode finished = waitFor(() -> {
            JsonNode r = api.get(billing + "/invoice-runs/" + run);
            return r.get("status").asString().equals("RUNNING") ? null : r;
        });
        String number = finished.path("invoiceNumber").asString();
        JsonNode invoice = api.get(invoices + "/invoices/by-number/" + number);
        String id = invoice.get("id").asString();
        api.post(invoices + "/invoices/" + id + "/sending", Map.of("mode", "EMAIL"));
        waitFor(() -> {
            try {
                return api.get(payments + "/receivables/" + id);
            } catch (IOException notYet) {
                return null;
            }
        });
        BigDecimal half = invoice.get("total").decimalValue().divide(BigDecimal.TWO, 2, java.math.RoundingMode.DOWN);
        // paid on the day it was issued: a date every clock agrees is not in the future
        api.post(payments + "/payments", Map.of("invoiceId", id, "paidOn", invoice.get("issueDate").asString(), "mode", "TRANSFER",
                "currency", invoice.get("currency").asString(), "amount", half, "fee", BigDecimal.ZERO, "reference", "demo"),
                "Idempotency-Key", "demo-" + id);
        return number;
    }

    private interface Attempt {
        JsonNode get() throws IOException, InterruptedException;
    }

    /** Asks until the answer is there (events take a moment to reach the other services), for at most a minute. */
    private static JsonNode waitFor(Attempt attempt) throws IOException, InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode answer = attempt.get();
            if (answer != null) return answer;
            Thread.sleep(100);
        }
        throw new IOException("demo data: no answer within a minute");
    }

    /**
     * Sets what billing keeps of a project (order amount, cap); billing learns of the project by event, so this waits
     * for it, and later settings of the project can follow at once.
     */
    private void billingOf(String project, Map<String, Object> amounts) throws IOException, InterruptedException {
        String url = urls.apply(Service.BILLING) + "/projects/" + project + "/billing";
        waitFor(() -> {
            try {
                return api.put(url, amounts);
            } catch (IOException notYetKnown) {
                return null;
            }
        });
    }

    /** A fixed-price rollout: its order, a milestone and an activity, and three terms; the first is due in the demo month. */
    private void billingCalendar(String project, YearMonth month) throws IOException, InterruptedException {
        String billing = urls.apply(Service.BILLING) + "/projects/" + project;
        billingOf(project, Map.of("orderAmount", new BigDecimal("48000.00")));
        String pilot = id(api.post(billing + "/elements", Map.of("kind", "MILESTONE", "name", "Pilot warehouse live",
                "validatedAmount", new BigDecimal("12000.00"), "plannedAmount", new BigDecimal("11500.00"),
                "endDate", month.atDay(20).toString())));
        String migration = id(api.post(billing + "/elements", Map.of("kind", "ACTIVITY", "name", "Stock data migration",
                "validatedAmount", new BigDecimal("4000.00"), "plannedAmount", new BigDecimal("4500.00"),
                "endDate", month.atEndOfMonth().toString())));
        api.post(billing + "/terms", Map.of("name", "Term 1: pilot warehouse", "amount", new BigDecimal("16000.00"),
                "date", month.atEndOfMonth().toString(), "triggerElementIds", List.of(pilot, migration)));
        api.post(billing + "/terms", Map.of("name", "Term 2: rollout", "amount", new BigDecimal("20000.00"),
                "date", month.plusMonths(2).atEndOfMonth().toString()));
        api.post(billing + "/terms", Map.of("name", "Term 3: acceptance", "amount", new BigDecimal("12000.00"),
                "date", month.plusMonths(4).atEndOfMonth().toString()));
    }

    private void catalogItem(String name, String type, String description, String unitPrice, String unit)
            throws IOException, InterruptedException {
        api.post(urls.apply(Service.BILLING) + "/catalog", Map.of("name", name, "type", type, "description", description,
                "unitPrice", new BigDecimal(unitPrice), "unit", unit));
    }

    /** A frame order valid for a year from the demo month; frame-order-service learns of the customer by event, so wait for it. */
    private void frameOrder(String customer, String poNumber, String hours, YearMonth month) throws IOException, InterruptedException {
        String frameOrders = urls.apply(Service.FRAME_ORDER);
        for (int i = 0; i < 300; i++) {
            try {
                api.get(frameOrders + "/customers/" + customer);
                break;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        api.post(frameOrders + "/frame-orders", Map.of("customerId", customer, "poNumber", poNumber, "totalHours", new BigDecimal(hours),
                "validFrom", month.atDay(1).toString(), "validTo", month.atDay(1).plusYears(1).minusDays(1).toString()));
    }

    private void transition(String command, List<String> entryIds) throws IOException, InterruptedException {
        if (!entryIds.isEmpty()) api.post(timesheet + "/time-entries/" + command, Map.of("entryIds", entryIds));
    }

    private String customer(String name, String address, String taxId, String taxRate, String currency, int terms)
            throws IOException, InterruptedException {
        return id(api.post(timesheet + "/customers", Map.of("name", name, "address", address, "taxId", taxId,
                "taxRate", new BigDecimal(taxRate), "currency", currency, "paymentTermsDays", terms)));
    }

    private String project(String customer, String code, String name, String billingType, boolean overhead)
            throws IOException, InterruptedException {
        return id(api.post(timesheet + "/projects", Map.of("customerId", customer, "code", code, "name", name,
                "billingType", billingType, "overhead", overhead)));
    }

    private String resource(String name, String role, String rate) throws IOException, InterruptedException {
        return id(api.post(timesheet + "/resources", Map.of("name", name, "role", role, "defaultRate", new BigDecimal(rate))));
    }

    private String entry(String project, String resource, LocalDate day, String hours, String task, String description)
            throws IOException, InterruptedException {
        return id(api.post(timesheet + "/time-entries", Map.of("projectId", project, "resourceId", resource,
                "date", day.toString(), "hours", new BigDecimal(hours), "task", task, "description", description)));
    }

    private static String id(JsonNode node) {
        return node.get("id").asString();
    }
}
