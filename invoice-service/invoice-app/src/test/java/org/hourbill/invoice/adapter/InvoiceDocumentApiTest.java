package org.hourbill.invoice.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.hourbill.invoice.application.InvoiceIssuing;
import org.hourbill.invoice.domain.Invoice;
import org.hourbill.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** The documents over the API: the PDF's fingerprint stored at issue and re-verified, e-invoice downloads. */
@ServiceTest
class InvoiceDocumentApiTest {
    @Autowired
    MockMvc http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InvoiceIssuing issuing;
    @Autowired
    org.hourbill.invoice.application.DocumentFingerprinting fingerprinting;
    @Autowired
    org.hourbill.invoice.domain.Invoices invoices;
    @Autowired
    org.hourbill.invoice.domain.Seller seller;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    UUID customer = UUID.randomUUID();

    @Test
    void the_pdf_downloaded_later_is_byte_for_byte_the_one_fingerprinted_at_issue() throws Exception {
        Invoice invoice = issuing.issue(InvoiceRequests.request(customer, UUID.randomUUID(), null, "7.5")).orElseThrow();
        // taken off the issuing path, a moment after the issue
        String stored = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select sha256 from document_fingerprint where document_id = ?", String.class, invoice.id()), l -> !l.isEmpty()).getFirst();

        byte[] pdf = http.perform(get("/invoices/{id}/pdf", invoice.id())).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + invoice.number() + ".pdf\""))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(pdf);
        assertThat(HexFormat.of().formatHex(sha)).isEqualTo(stored);
        http.perform(get("/invoices/{id}/pdf", invoice.id()))
                .andExpect(header().string("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha) + ":"));
        http.perform(get("/invoices/{id}/pdf/verification", invoice.id())).andExpect(jsonPath("$.matches").value(true))
                .andExpect(jsonPath("$.sha256AtIssue").value(stored));
        assertThatATamperedFingerprintWouldShow(stored);
    }

    @Test
    void e_invoices_download_and_xrechnung_asks_for_the_buyers_electronic_address_first() throws Exception {
        Invoice invoice = issuing.issue(InvoiceRequests.request(customer, UUID.randomUUID(), null, "3", LocalDate.of(2026, 11, 2)))
                .orElseThrow();
        byte[] facturX = http.perform(get("/invoices/{id}/factur-x", invoice.id())).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(facturX, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("factur-x.xml");

        http.perform(get("/invoices/{id}/xrechnung", invoice.id())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("XRechnung needs the electronic address (BT-49) where Northwind receives "
                        + "e-invoices: set it in the customer's billing settings"));
        http.perform(put("/customers/{id}/e-invoicing", customer).contentType(MediaType.APPLICATION_JSON).content("""
                {"scheme":"EM","address":"not-an-address"}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("address"));
        http.perform(put("/customers/{id}/e-invoicing", customer).contentType(MediaType.APPLICATION_JSON).content("""
                {"scheme":"EM","address":"invoices@northwind.example"}""")).andExpect(status().isOk());
        String xml = http.perform(get("/invoices/{id}/xrechnung", invoice.id())).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML)).andReturn().getResponse().getContentAsString();
        assertThat(xml).contains("urn:xeinkauf.de:kosit:xrechnung_3.0", invoice.number(), "invoices@northwind.example", "517.65");

        String creditNote = http.perform(post("/invoices/{id}/voiding", invoice.id()).contentType(MediaType.APPLICATION_JSON).content("""
                {"reason":"wrong rate","entries":"RETURN_TO_POOL"}""")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(creditNote, "$.id");
        http.perform(get("/credit-notes/{id}/pdf/verification", id)).andExpect(jsonPath("$.matches").value(true));
        http.perform(get("/credit-notes/{id}/xrechnung", id)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<ram:TypeCode>381</ram:TypeCode>")));
        http.perform(get("/credit-notes/{id}/factur-x", id)).andExpect(status().isOk());
        http.perform(get("/invoices/{id}/pdf", UUID.randomUUID())).andExpect(status().isNotFound());
    }

    @Test
    void a_document_left_without_its_fingerprint_by_a_crash_gets_it_at_start_up() throws Exception {
        // An invoice stored without the after-commit fingerprint, as if the service had stopped in between.
        Invoice invoice = storedWithoutFingerprint("INV-CRASH-", "2");
        assertThat(jdbc.queryForList("select sha256 from document_fingerprint where document_id = ?", String.class, invoice.id())).isEmpty();

        assertThat(fingerprinting.catchUp()).isGreaterThanOrEqualTo(1);
        http.perform(get("/invoices/{id}/pdf/verification", invoice.id())).andExpect(jsonPath("$.matches").value(true));
    }

    @Test
    void a_verification_asked_before_the_fingerprint_is_taken_takes_it_and_answers_right() throws Exception {
        Invoice invoice = storedWithoutFingerprint("INV-LATE-", "4");

        byte[] pdf = http.perform(get("/invoices/{id}/pdf", invoice.id())).andReturn().getResponse().getContentAsByteArray();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        http.perform(get("/invoices/{id}/pdf/verification", invoice.id())).andExpect(jsonPath("$.matches").value(true))
                .andExpect(jsonPath("$.sha256AtIssue").value(sha)).andExpect(jsonPath("$.sha256Now").value(sha));
        assertThat(jdbc.queryForObject("select sha256 from document_fingerprint where document_id = ?", String.class, invoice.id()))
                .isEqualTo(sha);
    }

    /** An issued invoice stored as issuing stores it, but without queueing its fingerprint. */
    private Invoice storedWithoutFingerprint(String numberPrefix, String hours) {
        Invoice invoice = org.hourbill.invoice.domain.Invoice.draft(InvoiceRequests.request(customer, UUID.randomUUID(), null, hours))
                .issue("INV", numberPrefix + UUID.randomUUID().toString().substring(0, 8), seller, java.time.Instant.now());
        transactions.executeWithoutResult(t -> invoices.add(invoice, org.hourbill.invoice.domain.InvoiceState.issued(invoice),
                new org.hourbill.invoice.domain.StatusChange(invoice.id(), invoice.issuedAt(), "test", null,
                        org.hourbill.invoice.domain.InvoiceStatus.ISSUED, "stored without fingerprint")));
        return invoice;
    }

    /** The fingerprint table is insert-only: nobody can make a different PDF look like the issued one. */
    private void assertThatATamperedFingerprintWouldShow(String stored) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update document_fingerprint set sha256 = ? where sha256 = ?",
                "0".repeat(64), stored)).hasMessageContaining("issued invoices never change");
    }
}
