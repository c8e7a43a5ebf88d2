package org.hourbill.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

import org.hourbill.testsupport.RawEvents;
import org.hourbill.testsupport.ServiceTest;
import org.hourbill.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * Bills of each billing type on the real broker and database, invoice-service played by hand: what each type may
 * bill, the bill details, and the cap of a capped project holding when two bills are generated at the same moment.
 */
@ServiceTest
class BillingTypesTest {
    @Autowired
    MockMvc http;
    @Autowired
    JdbcTemplate jdbc;

    UUID customer = UUID.randomUUID();
    UUID ada = UUID.randomUUID();

    @BeforeEach
    void customer() {
        RawEvents.send("timesheet.events", customer.toString(), UUID.randomUUID().toString(), "CustomerChanged.v1", """
                {"customerId":"%s","name":"Fabrikam","address":"Main St 1, Berlin","taxId":"DE1","taxRate":19,"currency":"EUR","paymentTermsDays":30}
                """.formatted(customer));
    }

    @Test
    void two_bills_of_one_capped_project_generated_at_the_same_moment_never_exceed_its_cap_together() throws Exception {
        for (int round = 0; round < 3; round++) {
            UUID project = project("CAP-" + round, "CAPPED_TIME_AND_MATERIALS");
            // six days of 8 h at 100.00: 4,800.00 of work against a cap of 3,000.00
            List<UUID> entries = approve(project, "CAPPED_TIME_AND_MATERIALS", 6, "8", "100.00");
            send(put("/projects/{id}/billing", project), "{\"validatedWorkAmount\":3000.00}").andExpect(status().isOk())
                    .andExpect(jsonPath("$.capLeft").value(3000.0));
            String first = startReview(project, "2026-10-01", "2026-10-03");
            String second = startReview(project, "2026-10-04", "2026-10-06");
            http.perform(get("/reviews/{id}", first)).andExpect(jsonPath("$.caps[0].cap").value(3000.0))
                    .andExpect(jsonPath("$.caps[0].thisBill").value(2400.0))
                    .andExpect(jsonPath("$.summary.hoursCapped").value(0));

            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<String>> runs = new ArrayList<>();
            for (String review : List.of(first, second)) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                        return JsonPath.read(send(post("/reviews/{id}/generation", review), "").andExpect(status().isAccepted())
                                .andReturn().getResponse().getContentAsString(), "$.id");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            List<String> runIds = runs.stream().map(CompletableFuture::join).toList();

            BigDecimal billed = BigDecimal.ZERO;
            BigDecimal billedHours = BigDecimal.ZERO;
            for (String run : runIds) {
                var command = command("invoice.commands", run, "IssueInvoice.v2");
                List<Double> hours = JsonPath.read(command.value(), "$.lines[*].quantity");
                List<Double> prices = JsonPath.read(command.value(), "$.lines[*].unitPrice");
                for (int i = 0; i < hours.size(); i++) {
                    billed = billed.add(BigDecimal.valueOf(hours.get(i)).multiply(BigDecimal.valueOf(prices.get(i))));
                    billedHours = billedHours.add(BigDecimal.valueOf(hours.get(i)));
                }
            }
            assertThat(billed).as("round %d", round).isEqualByComparingTo("3000.00");
            assertThat(billedHours).isEqualByComparingTo("30");
            assertThat(jdbc.queryForObject("select sum(amount) from cap_use where project_id = ?", BigDecimal.class, project))
                    .isEqualByComparingTo("3000.00");
            // the later bill reports what the cap kept off: 18 of its 24 hours, never dropped silently
            BigDecimal capped = BigDecimal.ZERO;
            for (String review : List.of(first, second)) {
                capped = capped.add(new BigDecimal(JsonPath.read(http.perform(get("/reviews/{id}", review)).andReturn().getResponse()
                        .getContentAsString(), "$.summary.hoursCapped").toString()));
            }
            assertThat(capped).isEqualByComparingTo("18");

            for (String run : runIds) issued(run, "CAP-" + round + "-" + run.substring(0, 8));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from unbilled_entry where project_id = ? and state in ('BILLED', 'WRITTEN_OFF')", Integer.class,
                    project) == 6);
            assertThat(jdbc.queryForObject("""
                    select sum(capped_hours) + coalesce(sum(hours) filter (where state = 'WRITTEN_OFF'), 0) from unbilled_entry
                    where project_id = ?""", BigDecimal.class, project)).isEqualByComparingTo("18");
            assertThat(jdbc.queryForList("select distinct write_off_reason from unbilled_entry where project_id = ? and state = 'WRITTEN_OFF'",
                    String.class, project)).containsExactly("cap");
            http.perform(get("/projects/{id}/billing", project)).andExpect(jsonPath("$.capLeft").value(0))
                    .andExpect(jsonPath("$.capUsed").value(3000.0));
            assertThat(entries).hasSize(6);
        }
    }

    @Test
    void a_fixed_price_project_is_billed_by_its_terms_each_once_with_the_bill_details() throws Exception {
        UUID project = project("FP-1", "FIXED_PRICE");
        send(put("/projects/{id}/billing", project), "{\"orderAmount\":48000.00}").andExpect(status().isOk());
        String milestone = JsonPath.read(send(post("/projects/{id}/elements", project), """
                {"kind":"MILESTONE","name":"M2 data migrated","validatedAmount":12000,"plannedAmount":11000,"endDate":"2026-10-28"}""")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String activity = JsonPath.read(send(post("/projects/{id}/elements", project), """
                {"kind":"ACTIVITY","name":"Migration runs","validatedAmount":3000,"plannedAmount":3500,"endDate":"2026-10-30"}""")
                .andReturn().getResponse().getContentAsString(), "$.id");
        String term = JsonPath.read(send(post("/projects/{id}/terms", project), """
                {"name":"Term 2: data migration","amount":12000.00,"date":"2026-10-31","triggerElementIds":["%s","%s"]}"""
                .formatted(milestone, activity)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.reminder.validatedAmount").value(15000))
                .andExpect(jsonPath("$.reminder.plannedAmount").value(14500))
                .andExpect(jsonPath("$.reminder.latestEndDate").value("2026-10-30"))
                .andReturn().getResponse().getContentAsString(), "$.term.id");
        send(put("/customers/{id}/billing-defaults", customer), """
                {"billContact":{"name":"Greta Hansen","email":"ap@fabrikam.example"},
                 "paymentRecipient":{"name":"Hourbill Receivables","iban":"DE02120300000000202051","bic":"BYLADEM1001"}}""")
                .andExpect(status().isOk());
        http.perform(get("/customers/{id}/billing-defaults", java.util.UUID.randomUUID())).andExpect(status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        String review = startReview(project, null, null);
        http.perform(get("/reviews/{id}", review)).andExpect(jsonPath("$.options.billContact.name").value("Greta Hansen"))
                .andExpect(jsonPath("$.options.paymentRecipient.iban").value("DE02120300000000202051"))
                .andExpect(jsonPath("$.options.orderAmount").value(48000.0));
        send(post("/reviews/{id}/generation", review), "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("billed at terms: add a term")));
        send(post("/reviews/{id}/lines", review), "{\"kind\":\"MANUAL\",\"description\":\"x\",\"quantity\":1,\"unitPrice\":1}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        send(post("/reviews/{id}/lines", review), "{\"kind\":\"TERM\",\"termId\":\"%s\"}".formatted(term)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines[0].description").value("Term 2: data migration"))
                .andExpect(jsonPath("$.lines[0].amount").value(12000.0))
                .andExpect(jsonPath("$.summary.subtotal").value(12000.0))
                .andExpect(jsonPath("$.percentOfOrder").value(25.0));
        send(put("/reviews/{id}/options", review), """
                {"periodFrom":"2026-10-01","periodTo":"2026-10-31","paymentTermsDays":45,"billContact":{"name":"Greta Hansen","email":"ap@fabrikam.example"},
                 "paymentRecipient":{"name":"Hourbill Receivables","iban":"DE02120300000000202051"},"responsible":"Maria Keller",
                 "comments":"second of four terms","orderAmount":48000.00}""").andExpect(status().isOk());
        http.perform(get("/reviews/{id}/preview", review)).andExpect(jsonPath("$.dueDate").exists())
                .andExpect(jsonPath("$.options.responsible").value("Maria Keller")).andExpect(jsonPath("$.percentOfOrder").value(25.0));

        String other = startReview(project, null, null);
        send(post("/reviews/{id}/lines", other), "{\"kind\":\"TERM\",\"termId\":\"%s\"}".formatted(term)).andExpect(status().isCreated());
        String run = generate(review);
        var command = command("invoice.commands", run, "IssueInvoice.v2");
        assertThat(command.value()).contains("\"kind\":\"TERM\"", "\"termId\":\"" + term + "\"", "\"billingType\":\"FIXED_PRICE\"",
                "\"responsible\":\"Maria Keller\"", "\"orderAmount\":48000", "\"paymentTermsDays\":45", "\"name\":\"Greta Hansen\"");
        send(post("/reviews/{id}/generation", other), "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("a term is billed once")));
        issued(run, "INV-FP-0001");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/projects/{id}/terms", project))
                .andExpect(jsonPath("$[0].term.state").value("BILLED")).andExpect(jsonPath("$[0].term.invoiceNumber").value("INV-FP-0001")));
        send(post("/reviews/{id}/lines", startReview(project, null, null)), "{\"kind\":\"TERM\",\"termId\":\"%s\"}".formatted(term))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("BILLED by invoice INV-FP-0001")));
    }

    @Test
    void manual_bills_take_free_and_catalog_lines_and_not_billed_projects_have_no_bills() throws Exception {
        UUID manual = project("MAN-1", "MANUAL");
        String item = JsonPath.read(send(post("/catalog"), """
                {"name":"Workshop day %s","type":"SERVICE","description":"On-site workshop, one day","unitPrice":1200.00,"unit":"DAY"}"""
                .formatted(manual)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String review = startReview(manual, null, null);
        send(post("/reviews/{id}/lines", review), "{\"kind\":\"MANUAL\",\"catalogItemId\":\"%s\",\"quantity\":2}".formatted(item))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.lines[0].unit").value("DAY"))
                .andExpect(jsonPath("$.lines[0].amount").value(2400.0));
        send(post("/reviews/{id}/lines", review), """
                {"kind":"MANUAL","description":"Licence fee","detail":"Q4","quantity":1,"unitPrice":350.00}""").andExpect(status().isCreated());
        send(post("/reviews/{id}/lines", review), """
                {"kind":"MANUAL","description":"Travel billed twice on INV-2026-00031","quantity":-1,"unitPrice":200.00}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("quantity"));
        send(post("/reviews/{id}/lines", review), """
                {"kind":"MANUAL","description":"Travel billed twice on INV-2026-00031","quantity":-1,"unitPrice":200.00,"amendment":true}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.summary.subtotal").value(2550.0))
                .andExpect(jsonPath("$.summary.total").value(3034.5));
        // amounts beyond what billing keeps are a 400 naming the field, never a database error
        send(post("/reviews/{id}/lines", review), """
                {"kind":"MANUAL","description":"Too precise","quantity":1,"unitPrice":1.00001}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("unitPrice"));
        send(put("/projects/{id}/billing", manual), "{\"orderAmount\":10000000000000}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orderAmount"));
        send(post("/catalog"), "{\"name\":\"Odd unit\",\"type\":\"PRODUCT\",\"unitPrice\":1,\"unit\":\"kg\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("unit"));
        send(patch("/reviews/{id}/lines/{p}", review, 2), "{\"description\":\"Licence fee, Q4 2026\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[1].description").value("Licence fee, Q4 2026"));
        String run = generate(review);
        var command = command("invoice.commands", run, "IssueInvoice.v2");
        assertThat(JsonPath.<List<String>>read(command.value(), "$.lines[*].kind")).containsExactly("MANUAL", "MANUAL", "MANUAL");
        assertThat(JsonPath.<List<Boolean>>read(command.value(), "$.lines[*].amendment")).containsExactly(false, false, true);

        UUID internal = project("INT-1", "NOT_BILLED");
        send(post("/reviews"), "{\"customerId\":\"%s\",\"projectId\":\"%s\"}".formatted(customer, internal))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("projectId"))
                .andExpect(jsonPath("$.detail", containsString("is not billed")));
    }

    @Test
    void activity_lines_bill_a_resources_days_at_the_activity_price_with_an_editable_description() throws Exception {
        UUID project = project("TM-1", "TIME_AND_MATERIALS");
        List<UUID> entries = approve(project, "TIME_AND_MATERIALS", 5, "8", "120.00");
        send(put("/projects/{id}/activity-prices", project), "{\"activityType\":\"Consulting\",\"dailyPrice\":900.00}")
                .andExpect(status().isOk());
        String review = startReview(project, null, null);
        send(post("/reviews/{id}/lines", review), """
                {"kind":"ACTIVITY","resourceId":"%s","activityType":"Consulting","from":"2026-10-01","to":"2026-10-03"}""".formatted(ada))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines[0].quantity").value(3.0))
                .andExpect(jsonPath("$.lines[0].description").value("Ada Lovelace - Consulting, 2026-10-01 to 2026-10-03"))
                .andExpect(jsonPath("$.lines[0].coveredEntryIds.length()").value(3))
                .andExpect(jsonPath("$.summary.hoursBilled").value(40.0))
                // 3 days at 900 + 2 x 8 h at 120
                .andExpect(jsonPath("$.summary.subtotal").value(4620.0));
        send(post("/reviews/{id}/decisions", review), """
                {"decisions":[{"entryId":"%s","decision":"DEFER"}]}""".formatted(entries.get(0))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("billed in days by line 1")));
        send(patch("/reviews/{id}/lines/{p}", review, 1), "{\"description\":\"Ada Lovelace, senior consulting, 1-3 Oct\"}")
                .andExpect(status().isOk());
        send(post("/reviews/{id}/lines", review), """
                {"kind":"ACTIVITY","resourceId":"%s","activityType":"Design","from":"2026-10-04","to":"2026-10-05"}""".formatted(ada))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("activityType"));
        String run = generate(review);
        var command = command("invoice.commands", run, "IssueInvoice.v2");
        assertThat(JsonPath.<List<String>>read(command.value(), "$.lines[*].kind")).containsExactly("TIME", "TIME", "ACTIVITY");
        assertThat(JsonPath.<List<String>>read(command.value(), "$.lines[2].entryIds")).containsExactlyInAnyOrder(
                entries.get(0).toString(), entries.get(1).toString(), entries.get(2).toString());
        assertThat(command.value()).contains("Ada Lovelace, senior consulting, 1-3 Oct", "\"unit\":\"DAY\"");
        issued(run, "INV-TM-0001");
        // every entry a day covers is billed with the invoice (timesheets lock those the invoice names)
        assertThat(jdbc.queryForObject("select count(*) from unbilled_entry where invoice_number = 'INV-TM-0001' and state = 'BILLED'"
                + " and entry_id = any(?)", Integer.class, (Object) entries.toArray(UUID[]::new))).isEqualTo(entries.size());
    }

    @Test
    void open_terms_are_changed_and_retired_a_billed_term_is_history_and_the_preview_names_what_stops_generation() throws Exception {
        UUID project = project("FP-2", "FIXED_PRICE");
        String milestone = JsonPath.read(send(post("/projects/{id}/elements", project), """
                {"kind":"MILESTONE","name":"Go-live","validatedAmount":5000,"endDate":"2026-11-30"}""")
                .andReturn().getResponse().getContentAsString(), "$.id");
        String term = JsonPath.read(send(post("/projects/{id}/terms", project), """
                {"name":"Term 1","amount":4000.00,"date":"2026-10-31"}""").andReturn().getResponse().getContentAsString(), "$.term.id");
        String dropped = JsonPath.read(send(post("/projects/{id}/terms", project), """
                {"name":"Term 2","amount":6000.00,"date":"2026-12-31"}""").andReturn().getResponse().getContentAsString(), "$.term.id");
        send(put("/projects/{id}/terms/{t}", project, term), """
                {"name":"Term 1: kick-off","amount":4500.00,"date":"2026-11-15","triggerElementIds":["%s"]}""".formatted(milestone))
                .andExpect(status().isOk()).andExpect(jsonPath("$.term.amount").value(4500.0))
                .andExpect(jsonPath("$.reminder.validatedAmount").value(5000));
        send(put("/projects/{id}/terms/{t}", project, term), """
                {"name":"Term 1","amount":4500.00,"date":"2026-11-15","triggerElementIds":["%s"]}""".formatted(UUID.randomUUID()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("triggerElementIds"));
        send(post("/projects/{id}/terms/{t}/retirement", project, dropped), "").andExpect(status().isOk())
                .andExpect(jsonPath("$.term.state").value("RETIRED"));

        String review = startReview(project, null, null);
        // no hours to date a term bill: it bills the month just closed (the services' clock says 20 November 2026)
        http.perform(get("/reviews/{id}", review)).andExpect(jsonPath("$.options.periodFrom").value("2026-10-01"))
                .andExpect(jsonPath("$.options.periodTo").value("2026-10-31"));
        http.perform(get("/reviews/{id}/preview", review)).andExpect(jsonPath("$.obstacles[*].kind", org.hamcrest.Matchers.contains(
                "TERM_MISSING", "NOTHING_TO_BILL"))).andExpect(jsonPath("$.obstacles[0].message", containsString("FP-2 project (FP-2)")))
                .andExpect(jsonPath("$.obstacles[0].projectId").value(project.toString()));
        send(post("/reviews/{id}/lines", review), "{\"kind\":\"TERM\",\"termId\":\"%s\"}".formatted(dropped))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("RETIRED")));
        send(post("/reviews/{id}/lines", review), "{\"kind\":\"TERM\",\"termId\":\"%s\"}".formatted(term))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.lines[0].description").value("Term 1: kick-off"))
                .andExpect(jsonPath("$.summary.subtotal").value(4500.0));
        http.perform(get("/reviews/{id}/preview", review)).andExpect(jsonPath("$.obstacles").isEmpty());
        issued(generate(review), "INV-FP-0002");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/projects/{id}/terms", project))
                .andExpect(jsonPath("$[?(@.term.id == '%s')].term.state".formatted(term)).value("BILLED")));
        send(put("/projects/{id}/terms/{t}", project, term), "{\"name\":\"Term 1\",\"amount\":1.00,\"date\":\"2026-11-15\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("only an open term can be changed")));
        send(post("/projects/{id}/terms/{t}/retirement", project, term), "").andExpect(status().isConflict());
        send(put("/projects/{id}/terms/{t}", project, UUID.randomUUID()), "{\"name\":\"x\",\"amount\":1.00,\"date\":\"2026-11-15\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void a_capped_project_without_its_cap_is_named_in_the_preview_and_refused_at_generation() throws Exception {
        UUID project = project("CAP-NONE", "CAPPED_TIME_AND_MATERIALS");
        approve(project, "CAPPED_TIME_AND_MATERIALS", 1, "8", "100.00");
        String review = startReview(project, null, null);
        http.perform(get("/reviews/{id}/preview", review)).andExpect(jsonPath("$.obstacles[0].kind").value("CAP_MISSING"))
                .andExpect(jsonPath("$.obstacles[0].projectId").value(project.toString()))
                .andExpect(jsonPath("$.obstacles[0].message", containsString("CAP-NONE project (CAP-NONE) is billed on capped time")));
        send(post("/reviews/{id}/generation", review), "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("set its cap in the project's billing settings")));
        send(put("/projects/{id}/billing", project), "{\"validatedWorkAmount\":500.00}").andExpect(status().isOk());
        http.perform(get("/reviews/{id}/preview", review)).andExpect(jsonPath("$.obstacles").isEmpty());
    }

    @Test
    void catalog_items_are_changed_for_new_lines_and_retired_ones_are_offered_no_more() throws Exception {
        UUID manual = project("MAN-2", "MANUAL");
        String name = "Training day " + manual;
        String item = JsonPath.read(send(post("/catalog"), """
                {"name":"%s","type":"SERVICE","unitPrice":900.00,"unit":"DAY"}""".formatted(name)).andReturn().getResponse()
                .getContentAsString(), "$.id");
        String review = startReview(manual, null, null);
        send(post("/reviews/{id}/lines", review), "{\"kind\":\"MANUAL\",\"catalogItemId\":\"%s\",\"quantity\":1}".formatted(item))
                .andExpect(jsonPath("$.lines[0].unitPrice").value(900.0));
        send(put("/catalog/{id}", item), """
                {"name":"%s","type":"SERVICE","description":"Hands-on","unitPrice":950.00,"unit":"DAY"}""".formatted(name))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unitPrice").value(950.0));
        // the line already drafted keeps the price it copied; a new one takes the new price
        send(post("/reviews/{id}/lines", review), "{\"kind\":\"MANUAL\",\"catalogItemId\":\"%s\",\"quantity\":1}".formatted(item))
                .andExpect(jsonPath("$.lines[0].unitPrice").value(900.0)).andExpect(jsonPath("$.lines[1].unitPrice").value(950.0))
                .andExpect(jsonPath("$.lines[1].detail").value("Hands-on"));
        send(post("/catalog/{id}/retirement", item), "").andExpect(status().isOk()).andExpect(jsonPath("$.retired").value(true));
        http.perform(get("/catalog")).andExpect(jsonPath("$[?(@.id == '%s')]".formatted(item)).isEmpty());
        http.perform(get("/catalog?retired=true")).andExpect(jsonPath("$[?(@.id == '%s')].retired".formatted(item)).value(true));
        send(post("/reviews/{id}/lines", review), "{\"kind\":\"MANUAL\",\"catalogItemId\":\"%s\",\"quantity\":1}".formatted(item))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("retired from the catalog")));
        send(put("/catalog/{id}", item), """
                {"name":"%s","type":"SERVICE","unitPrice":1.00}""".formatted(name)).andExpect(status().isConflict());
        send(put("/catalog/{id}", item), "{\"name\":\"\",\"type\":\"SERVICE\",\"unitPrice\":1.00}").andExpect(status().isBadRequest());
    }

    private UUID project(String code, String billingType) {
        UUID project = UUID.randomUUID();
        RawEvents.send("timesheet.events", customer.toString(), UUID.randomUUID().toString(), "ProjectChanged.v1", """
                {"projectId":"%s","customerId":"%s","code":"%s","name":"%s project","billingType":"%s"}"""
                .formatted(project, customer, code, code, billingType));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from billing_project where id = ?",
                Integer.class, project) == 1);
        return project;
    }

    private List<UUID> approve(UUID project, String billingType, int days, String hours, String rate) {
        List<UUID> ids = IntStream.range(0, days).mapToObj(i -> UUID.randomUUID()).toList();
        String entries = String.join(",", IntStream.range(0, days).mapToObj(i -> """
                {"entryId":"%s","customerId":"%s","projectId":"%s","billingType":"%s","resourceId":"%s",
                 "resourceName":"Ada Lovelace","role":"Senior","task":"Build","date":"2026-10-%02d","hours":%s,"rate":%s,"amount":0,
                 "currency":"EUR","billable":true,"description":null}""".formatted(ids.get(i), customer, project, billingType, ada, i + 1,
                hours, rate)).toList());
        RawEvents.send("timesheet.events", customer.toString(), UUID.randomUUID().toString(), "EntriesApproved.v1",
                "{\"customerId\":\"%s\",\"entries\":[%s]}".formatted(customer, entries));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from unbilled_entry where project_id = ?", Integer.class, project) == days);
        return ids;
    }

    private String startReview(UUID project, String from, String to) throws Exception {
        String body = "{\"customerId\":\"%s\",\"projectId\":\"%s\"%s}".formatted(customer, project,
                from == null ? "" : ",\"periodFrom\":\"%s\",\"periodTo\":\"%s\"".formatted(from, to));
        return JsonPath.read(send(post("/reviews"), body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.id");
    }

    private String generate(String review) throws Exception {
        return JsonPath.read(send(post("/reviews/{id}/generation", review), "").andExpect(status().isAccepted()).andReturn()
                .getResponse().getContentAsString(), "$.id");
    }

    private void issued(String run, String number) {
        RawEvents.send("invoice.events", customer.toString(), UUID.randomUUID().toString(), "InvoiceIssued.v1", """
                {"invoiceId":"%s","invoiceRunId":"%s","number":"%s","customerId":"%s"}""".formatted(UUID.randomUUID(), run, number, customer));
        // a bill with time entries waits for timesheets to mark them billed; one without goes straight to COMPLETED
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("MARKING_BILLED", "COMPLETED").contains(jdbc.queryForObject(
                "select step from invoice_run where id = ?::uuid", String.class, run)));
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return http.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static TopicReader.Record command(String topic, String run, String type) {
        var records = TopicReader.read(topic, Duration.ofSeconds(30),
                r -> r.stream().anyMatch(x -> x.value().contains(run) && x.type().equals(type)));
        return records.stream().filter(x -> x.value().contains(run) && x.type().equals(type)).findFirst().orElseThrow();
    }
}
