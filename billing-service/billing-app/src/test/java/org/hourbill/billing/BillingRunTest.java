package org.hourbill.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.hourbill.testsupport.RawEvents;
import org.hourbill.testsupport.ServiceTest;
import org.hourbill.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * A billing run on the real broker and database, with the other services played by hand (frame-order-service is
 * down): prepared reviews are used as they are, a customer whose frame orders cannot be checked is held, one whose
 * draw-down is refused fails alone and gets its entries back, one whose review a person generated meanwhile fails
 * at launch, and the others are issued.
 */
@ServiceTest
class BillingRunTest {
    @Autowired
    MockMvc http;
    @Autowired
    JdbcTemplate jdbc;

    final String tag = UUID.randomUUID().toString().substring(0, 6);
    final UUID drawsDown = customer("Alpha " + tag), issues = customer("Beta " + tag), unchecked = customer("Gamma " + tag),
            idle = customer("Delta " + tag), generatedByHand = customer("Epsilon " + tag);
    final UUID frameOrder = UUID.randomUUID();

    @Test
    void a_run_issues_each_customer_alone_holds_those_a_person_must_review_and_reports_per_customer_and_currency() throws Exception {
        approved(drawsDown, "2026-10-05", "8", "2026-10-06", "4");
        approved(issues, "2026-10-07", "10");
        approved(unchecked, "2026-10-08", "2");
        approved(idle, "2026-09-30", "6");  // September: nothing in the run's period
        approved(generatedByHand, "2026-10-09", "1");
        String prepared = review(drawsDown);
        send(put("/reviews/{id}/options", prepared), """
                {"periodFrom":"2026-10-01","periodTo":"2026-10-31","paymentTermsDays":30,"frameOrderId":"%s"}""".formatted(frameOrder))
                .andExpect(status().isOk());
        review(issues);
        String byHand = review(generatedByHand);

        String body = send(post("/billing-runs"), """
                {"periodFrom":"2026-10-01","periodTo":"2026-10-31","paymentTermsDays":21,"notes":"October",
                 "customerIds":["%s","%s","%s","%s","%s"]}""".formatted(drawsDown, issues, unchecked, idle, generatedByHand))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.progress.included").value(3))
                .andExpect(jsonPath("$.progress.held").value(2))
                .andExpect(jsonPath("$.customers[0].customerName").value("Alpha " + tag))
                .andExpect(jsonPath("$.customers[0].reviewReused").value(true))
                .andExpect(jsonPath("$.customers[0].outcome").value("WAITING"))
                .andExpect(jsonPath("$.customers[0].hours").value(12.0))
                .andExpect(jsonPath("$.customers[0].net").value(1740.0))
                .andExpect(jsonPath("$.customers[0].tax").value(140.94))
                .andExpect(jsonPath("$.customers[0].total").value(1880.94))
                .andExpect(jsonPath("$.customers[0].frameOrder.frameOrderId").value(frameOrder.toString()))
                .andExpect(jsonPath("$.customers[2].outcome").value("HELD"))
                .andExpect(jsonPath("$.customers[2].reason", containsString("frame orders could not be checked")))
                .andExpect(jsonPath("$.customers[3].outcome").value("HELD"))
                .andExpect(jsonPath("$.customers[3].reason", containsString("no approved, unbilled hours")))
                .andExpect(jsonPath("$.totals[0].currency").value("CHF"))
                .andExpect(jsonPath("$.totals[0].bills").value(3))
                .andExpect(jsonPath("$.totals[0].net").value(1740.0 + 1450.0 + 145.0))
                .andReturn().getResponse().getContentAsString();
        String run = JsonPath.read(body, "$.id");
        // the held customer's review carries the run's defaults for the person who finishes it
        String heldReview = JsonPath.read(body, "$.customers[2].reviewId");
        http.perform(get("/reviews/{id}", heldReview)).andExpect(jsonPath("$.options.paymentTermsDays").value(21))
                .andExpect(jsonPath("$.options.notes").value("October"));

        // a person issues one customer's prepared review before the run starts: the run does not bill it twice
        send(post("/reviews/{id}/generation", byHand), "").andExpect(status().isAccepted());

        send(post("/billing-runs/{id}/start", run), "").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("RUNNING"));
        send(post("/billing-runs/{id}/start", run), "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("started already")));

        String drawing = invoiceRunOf(run, 0);
        String issuing = invoiceRunOf(run, 1);
        answer("frame-order.events", frameOrder, "FrameOrderDrawDownRejected.v1", """
                {"drawDownId":"%s","frameOrderId":"%s","customerId":"%s","reason":"frame order PO-9 is closed"}"""
                .formatted(command("frame-order.commands", drawing, "DrawDownFrameOrder.v1"), frameOrder, drawsDown));
        var issue = TopicReader.read("invoice.commands", Duration.ofSeconds(30), r -> r.stream()
                .anyMatch(x -> x.type().equals("IssueInvoice.v2") && x.value().contains(issuing)));
        String command = issue.stream().filter(x -> x.value().contains(issuing)).findFirst().orElseThrow().value();
        // a review a person prepared is billed as it is: its own payment terms, not the run's
        assertThat(command).contains("\"paymentTermsDays\":30", "\"notes\":null");
        answer("invoice.events", issues, "InvoiceIssued.v1", """
                {"invoiceId":"%s","invoiceRunId":"%s","number":"INV-%s-1","customerId":"%s"}""".formatted(UUID.randomUUID(), issuing, tag,
                issues));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/billing-runs/{id}", run))
                .andExpect(jsonPath("$.status").value("FINISHED"))
                .andExpect(jsonPath("$.progress.issued").value(1))
                .andExpect(jsonPath("$.progress.failed").value(2))
                .andExpect(jsonPath("$.progress.waiting").value(0))
                .andExpect(jsonPath("$.customers[0].outcome").value("FAILED"))
                .andExpect(jsonPath("$.customers[0].reason").value("frame order PO-9 is closed"))
                .andExpect(jsonPath("$.customers[1].outcome").value("ISSUED"))
                .andExpect(jsonPath("$.customers[1].invoiceNumber").value("INV-" + tag + "-1"))
                .andExpect(jsonPath("$.customers[1].reason").value(nullValue()))
                .andExpect(jsonPath("$.customers[4].outcome").value("FAILED"))
                .andExpect(jsonPath("$.customers[4].reason", containsString("generating meanwhile")))
                .andExpect(jsonPath("$.totals[0].bills").value(1))
                .andExpect(jsonPath("$.totals[0].total").value(1567.45)));
        // the failed customer's entries are back in the pool, billable in the next run
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.perform(get("/customers/{id}/unbilled-entries", drawsDown))
                .andExpect(jsonPath("$.entries.length()").value(2)));

        http.perform(get("/billing-runs/{id}/report.csv", run)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("Customer,Outcome,Invoice number,Reason,Currency,Hours,Net,Tax,Total,Frame order\r\n")))
                .andExpect(content().string(containsString("Beta " + tag + ",ISSUED,INV-" + tag + "-1,,CHF,10.00,1450.00,117.45,1567.45,\r\n")))
                .andExpect(content().string(containsString("Alpha " + tag + ",FAILED,,frame order PO-9 is closed,CHF,12.00")))
                .andExpect(content().string(containsString("Total CHF,1 invoices,,,CHF,10.00,1450.00,117.45,1567.45,\r\n")));
        String recent = http.perform(get("/billing-runs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(recent, "$[?(@.id == '" + run + "')].status")).containsExactly("FINISHED");
    }

    @Test
    void a_run_without_a_period_or_with_an_unknown_customer_is_refused_naming_the_field() throws Exception {
        send(post("/billing-runs"), "{\"periodTo\":\"2026-10-31\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", containsString("periodFrom")));
        send(post("/billing-runs"), "{\"periodFrom\":\"2026-10-31\",\"periodTo\":\"2026-10-01\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("periodTo"));
        send(post("/billing-runs"), "{\"periodFrom\":\"2026-01-01\",\"periodTo\":\"2026-12-31\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("at most a quarter")));
        send(post("/billing-runs"), """
                {"periodFrom":"2026-10-01","periodTo":"2026-10-31","customerIds":["%s"]}""".formatted(UUID.randomUUID()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("customerIds"));
        send(post("/billing-runs/{id}/start", UUID.randomUUID()), "").andExpect(status().isNotFound());
    }

    private String invoiceRunOf(String run, int customer) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> JsonPath.<String>read(http.perform(get("/billing-runs/{id}", run))
                .andReturn().getResponse().getContentAsString(), "$.customers[" + customer + "].invoiceRunId"), id -> id != null);
    }

    private UUID customer(String name) {
        UUID id = UUID.randomUUID();
        RawEvents.send("timesheet.events", id.toString(), UUID.randomUUID().toString(), "CustomerChanged.v1", """
                {"customerId":"%s","name":"%s","address":"Bahnhofstrasse 1, Zurich","taxId":"CHE-1","taxRate":8.1,"currency":"CHF","paymentTermsDays":30}
                """.formatted(id, name));
        return id;
    }

    /** Approves entries of one customer: dates and hours in pairs, at 145 an hour. */
    private void approved(UUID customer, String... dayAndHours) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < dayAndHours.length; i += 2) {
            if (!entries.isEmpty()) entries.append(',');
            entries.append("""
                    {"entryId":"%s","customerId":"%s","projectId":"%s","billingType":"TIME_AND_MATERIALS","resourceId":"%s",
                     "resourceName":"Ada","role":"Senior","task":"Build","date":"%s","hours":%s,"rate":145.00,"amount":0,
                     "currency":"CHF","billable":true,"description":null}""".formatted(UUID.randomUUID(), customer, UUID.randomUUID(),
                    UUID.randomUUID(), dayAndHours[i], dayAndHours[i + 1]));
        }
        RawEvents.send("timesheet.events", customer.toString(), UUID.randomUUID().toString(), "EntriesApproved.v1", """
                {"customerId":"%s","entries":[%s]}""".formatted(customer, entries));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from unbilled_entry where customer_id = ?", Integer.class, customer) == dayAndHours.length / 2);
    }

    private String review(UUID customer) throws Exception {
        return JsonPath.read(send(post("/reviews"), """
                {"customerId":"%s","periodFrom":"2026-10-01","periodTo":"2026-10-31"}""".formatted(customer))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return http.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** Waits for the command of the invoice run; returns the run's id, which is its draw-down's id. */
    private static String command(String topic, String run, String type) {
        TopicReader.read(topic, Duration.ofSeconds(30), r -> r.stream().anyMatch(x -> x.type().equals(type) && x.value().contains(run)));
        return run;
    }

    private static void answer(String topic, UUID key, String type, String payload) {
        RawEvents.send(topic, key.toString(), UUID.randomUUID().toString(), type, payload);
    }
}
