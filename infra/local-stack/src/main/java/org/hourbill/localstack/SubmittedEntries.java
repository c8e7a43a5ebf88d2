package org.hourbill.localstack;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Benchmark seed: customers, T&M projects and 600 consultants through the API, then submitted one-hour entries written
 * with COPY straight into timesheet's database (not measured). Entry i belongs to customer i mod customers; a
 * consultant books 8 one-hour entries a working day from October 2026 on (October's 22 days hold 105,600 entries;
 * more go to the following days), so no day exceeds 8 h.
 */
record SubmittedEntries(List<String> customerIds, List<String> entryIds) {
    private static final int CONSULTANTS = 600;

    static SubmittedEntries create(Api api, String timesheet, String timesheetDb, int customers, int entries) throws Exception {
        return create(api, timesheet, timesheetDb, customers, entries, "BENCH");
    }

    /** @param projectCodes what the projects' codes start with, unique in timesheet's database */
    static SubmittedEntries create(Api api, String timesheet, String timesheetDb, int customers, int entries, String projectCodes)
            throws Exception {
        List<String[]> projects = Api.each(customers, c -> {
            String customer = api.post(timesheet + "/customers", Map.of("name", "Customer " + c, "taxRate", new BigDecimal("19"),
                    "currency", "EUR", "paymentTermsDays", 30)).get("id").asString();
            String project = api.post(timesheet + "/projects", Map.of("customerId", customer, "code", projectCodes + "-" + c,
                    "name", "Project " + c, "billingType", "TIME_AND_MATERIALS")).get("id").asString();
            return new String[] {customer, project};
        });
        List<String> consultants = Api.each(CONSULTANTS, r -> api.post(timesheet + "/resources", Map.of("name", "Consultant " + r,
                "role", "Consultant", "defaultRate", new BigDecimal("95.50"))).get("id").asString());
        List<LocalDate> days = new ArrayList<>(); // October's working days, then the next months' as more are needed
        int daysNeeded = Math.max(22, (entries - 1) / 8 / CONSULTANTS + 1);
        for (LocalDate d = YearMonth.of(2026, 10).atDay(1); days.size() < daysNeeded; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) days.add(d);
        }
        List<String> ids = new ArrayList<>(entries);
        StringBuilder csv = new StringBuilder(entries * 200);
        for (int i = 0; i < entries; i++) {
            int slot = i / 8;
            String consultant = consultants.get(slot % CONSULTANTS);
            LocalDate day = days.get((slot / CONSULTANTS) % days.size());
            String[] project = projects.get(i % customers);
            String id = UUID.randomUUID().toString();
            ids.add(id);
            csv.append(id).append(',').append(project[0]).append(',').append(project[1]).append(',').append(consultant)
                    .append(',').append(day).append(",1.00,Delivery,Benchmark work,true,SUBMITTED,0\n");
        }
        try (Connection c = DriverManager.getConnection(timesheetDb, LocalPostgres.USER, LocalPostgres.PASSWORD)) {
            new CopyManager(c.unwrap(BaseConnection.class)).copyIn("""
                    copy time_entry (id, customer_id, project_id, resource_id, work_date, hours, task, description, billable,
                        status, version) from stdin with (format csv)""", new StringReader(csv.toString()));
        }
        return new SubmittedEntries(projects.stream().map(p -> p[0]).toList(), ids);
    }
}
