package org.hourbill.invoice.adapter.out.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hourbill.invoice.domain.BillDetails;
import org.hourbill.invoice.domain.CreditNote;
import org.hourbill.invoice.domain.ElectronicAddress;
import org.hourbill.invoice.domain.Invoice;
import org.hourbill.invoice.domain.InvoiceLine;
import org.hourbill.invoice.domain.InvoiceRequest;
import org.hourbill.invoice.domain.LineKind;
import org.hourbill.invoice.domain.Party;
import org.hourbill.invoice.domain.Seller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * The documents as a customer and a tax auditor get them: text read back from the PDF with PDFBox, reproducible
 * bytes, and every e-invoice checked by Mustangproject's validator (veraPDF for PDF/A-3, the EN 16931 and XRechnung
 * schematrons for the XML).
 */
class InvoiceDocumentsTest {
    static final Seller SELLER = new Seller("Hourbill Demo Consulting GmbH", "Gartenstrasse 5, 10115 Berlin, Germany", "DE811907980",
            "DE89370400440532013000", "COBADEFFXXX", "Commerzbank");
    static final Party BUYER = new Party(UUID.randomUUID(), "Northwind Traders GmbH", "Hafenstrasse 12, 20457 Hamburg, Germany",
            "DE123456789");
    static final ElectronicAddress BUYER_ADDRESS = new ElectronicAddress(BUYER.customerId(), "EM", "invoices@northwind.example");

    final MustangInvoiceDocuments documents = new MustangInvoiceDocuments(new Branding("branding/hourbill-logo.png", null, null),
            new EInvoiceSettings("DE", "Billing team", "+49 30 1234567", "billing@hourbill.example"));

    @Test
    void the_pdf_shows_number_parties_dates_terms_bank_totals_and_every_line() throws Exception {
        Invoice invoice = invoice("EUR", 12, "7.25", "145.00");
        String text = text(documents.pdf(invoice));

        assertThat(text).contains("Invoice INV-2026-00042", "Hourbill Demo Consulting GmbH", "Northwind Traders GmbH",
                "VAT ID DE123456789", "Issue date", "2026-11-02", "Due date", "2026-12-02", "2026-10-01 to 2026-10-31", "PO-7",
                "30 days net", "IBAN DE89370400440532013000", "Subtotal", "EUR 12,615.00", "VAT 19.00 % on 12,615.00", "EUR 2,396.85",
                "Total", "EUR 15,011.85", "October work");
        for (InvoiceLine line : invoice.lines()) {
            assertThat(text).contains(line.date() + " Task " + line.position() + " Ada Lovelace 7.25 h 145.00 1,051.25");
        }
    }

    @Test
    void a_long_invoice_runs_over_as_many_pages_as_needed_with_the_table_header_on_each() throws Exception {
        Invoice invoice = invoice("EUR", 760, "1.5", "100.00");
        byte[] pdf = documents.pdf(invoice);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(20);
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc);
                assertThat(text).contains("Invoice INV-2026-00042", "page " + page + " of " + doc.getNumberOfPages());
                if (page < doc.getNumberOfPages()) assertThat(text).contains("Date Description Resource / detail Quantity Unit price Amount");
            }
        }
        String all = text(pdf);
        for (InvoiceLine line : invoice.lines()) assertThat(all).contains("Task " + line.position() + " ");
        assertThat(all).contains("EUR 114,000.00", "EUR 135,660.00");
    }

    @Test
    void the_plain_pdf_is_pdf_a_3b_by_verapdf() {
        String report = new ZUGFeRDValidator().validate(documents.pdf(invoice("EUR", 3, "7.5", "145.00")), "plain.pdf");
        // The Factur-X checks of the report do not apply to the plain PDF; its PDF/A-3b part must hold.
        assertThat(report).contains("flavour=3b", "isCompliant=true");
    }

    @Test
    void every_script_prints_as_entered_with_embedded_fonts_and_what_no_font_has_is_marked() throws Exception {
        Party buyer = new Party(UUID.randomUUID(), "Müller & Søn — 株式会社", "Οδός Αθηνάς 1, Αθήνα · ул. Тверская 1, Москва", "EL123");
        InvoiceRequest request = new InvoiceRequest(UUID.randomUUID(), null, buyer, "EUR", new BigDecimal("19.00"), LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), 30, null, null, "請求書 · Счёт · Τιμολόγιο",
                null, List.of(InvoiceRequest.RequestedLine.time(UUID.randomUUID(), LocalDate.of(2026, 10, 1), UUID.randomUUID(),
                        "移行作業 Migration 🙂", "山田 太郎", "Consultant", null, new BigDecimal("2"), new BigDecimal("100.00"))));
        byte[] pdf = documents.pdf(Invoice.draft(request).issue("INV", "INV-2026-00043", SELLER, Instant.parse("2026-11-02T09:30:00Z")));

        String text = text(pdf);
        assertThat(text).contains("Müller & Søn — 株式会社", "Οδός Αθηνάς 1", "Αθήνα · ул. Тверская 1", "Москва", "請求書 · Счёт · Τιμολόγιο",
                "移行作業 Migration [U+1F642]", "山田 太郎").doesNotContain("?");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                assertThat(doc.getPage(0).getResources().getFont(name).isEmbedded()).as("font %s embedded", name).isTrue();
            }
        }
        assertThat(new ZUGFeRDValidator().validate(pdf, "scripts.pdf")).contains("flavour=3b", "isCompliant=true");
    }

    @Test
    void rendering_the_same_invoice_twice_gives_the_same_bytes() {
        Invoice invoice = invoice("EUR", 30, "8", "120.00");
        assertThat(documents.pdf(invoice)).isEqualTo(documents.pdf(invoice));
        CreditNote note = creditNote(invoice);
        assertThat(documents.pdf(note, invoice)).isEqualTo(documents.pdf(note, invoice));
    }

    @Test
    void the_credit_note_pdf_names_the_invoice_it_cancels_and_shows_negated_amounts() throws Exception {
        Invoice invoice = invoice("EUR", 2, "8", "120.00");
        String text = text(documents.pdf(creditNote(invoice), invoice));
        assertThat(text).contains("Credit note CN-2026-00007", "Cancels invoice", "INV-2026-00042 of 2026-11-02", "-960.00",
                "EUR -1,920.00", "EUR -2,284.80", "This credit note cancels invoice INV-2026-00042 in full. Reason: wrong rate");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"EUR, 7.25, 145.00", "CHF, 3.5, 187.35", "JPY, 7.25, 14500", "JPY, 7.33, 13333", "USD, 0.25, 99.99"})
    void every_e_invoice_passes_the_validator_and_carries_the_documents_totals(String currency, String hours, String rate)
            throws Exception {
        Invoice invoice = invoice(currency, 3, hours, rate);
        CreditNote note = creditNote(invoice);

        assertValid(documents.facturX(invoice, Optional.of(BUYER_ADDRESS)), "invoice-factur-x.pdf");
        assertValid(documents.facturX(note, invoice, Optional.empty()), "credit-note-factur-x.pdf");
        byte[] xrechnung = documents.xrechnung(invoice, BUYER_ADDRESS);
        assertValid(xrechnung, "invoice-xrechnung.xml");
        assertValid(documents.xrechnung(note, invoice, BUYER_ADDRESS), "credit-note-xrechnung.xml");

        String xml = new String(xrechnung, StandardCharsets.UTF_8);
        assertThat(amount(xml, "LineTotalAmount")).isEqualByComparingTo(invoice.subtotal());
        assertThat(amount(xml, "TaxTotalAmount")).isEqualByComparingTo(invoice.taxAmount());
        assertThat(amount(xml, "GrandTotalAmount")).isEqualByComparingTo(invoice.total());
    }

    @Test
    void a_currency_with_three_decimals_gets_no_e_invoice_since_en_16931_amounts_have_two() {
        Invoice invoice = invoice("KWD", 3, "2.75", "45.125");
        assertThat(invoice.total().scale()).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> documents.xrechnung(invoice, BUYER_ADDRESS))
                .isInstanceOf(org.hourbill.platform.problem.UnprocessableRequest.class)
                .hasMessage("EN 16931 e-invoices carry amounts with at most two decimals; INV-2026-00042 is in KWD with 3, so only its PDF is issued");
        assertThat(documents.pdf(invoice)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"FIXED_PRICE", "TIME_AND_MATERIALS", "CAPPED_TIME_AND_MATERIALS", "MANUAL"})
    void the_bills_of_every_billing_type_pass_the_validator_as_invoice_and_credit_note(String billingType) throws Exception {
        Invoice invoice = bill(billingType);
        CreditNote note = creditNote(invoice);
        String type = billingType.toLowerCase();

        assertValid(documents.facturX(invoice, Optional.of(BUYER_ADDRESS)), type + "-factur-x.pdf");
        assertValid(documents.facturX(note, invoice, Optional.empty()), type + "-credit-note-factur-x.pdf");
        byte[] xrechnung = documents.xrechnung(invoice, BUYER_ADDRESS);
        assertValid(xrechnung, type + "-xrechnung.xml");
        assertValid(documents.xrechnung(note, invoice, BUYER_ADDRESS), type + "-credit-note-xrechnung.xml");
        String xml = new String(xrechnung, StandardCharsets.UTF_8);
        assertThat(amount(xml, "LineTotalAmount")).isEqualByComparingTo(invoice.subtotal());
        assertThat(amount(xml, "GrandTotalAmount")).isEqualByComparingTo(invoice.total());

        String pdf = text(documents.pdf(invoice));
        assertThat(pdf).contains("Bill contact", "Greta Hansen", "Responsible", "Maria Keller");
        switch (billingType) {
            case "FIXED_PRICE" -> {
                assertThat(xml).contains("unitCode=\"C62\"", "Hourbill Receivables Trust", "DE02120300000000202051", "ap@northwind.example");
                assertThat(pdf).contains("Term 2: data migration delivered", "Milestone M2", "accepted on", "1 12,000.00 12,000.00",
                        "Order amount", "EUR 48,000.00", "% of order", "25.00 %", "Bank transfer to Hourbill Receivables Trust");
            }
            case "TIME_AND_MATERIALS" -> {
                assertThat(xml).contains("unitCode=\"DAY\"", "unitCode=\"HUR\"");
                assertThat(pdf).contains("Ada Lovelace - Consulting, 2026-10-01 to", "12.50 d 1,160.00 14,500.00",
                        "7.50 h 145.00 1,087.50");
            }
            case "CAPPED_TIME_AND_MATERIALS" -> assertThat(pdf).contains("3.17 h 145.00 459.65");
            case "MANUAL" -> {
                assertThat(xml).contains("Workshop facilitation", "-1.0000");
                assertThat(pdf).contains("Workshop facilitation", "2 850.00 1,700.00", "Amendment: travel billed twice on",
                        "-1 200.00 -200.00");
            }
            default -> throw new IllegalArgumentException(billingType);
        }
    }

    /** A bill of one project of the given type, with the lines that type bills and the bill details every bill carries. */
    static Invoice bill(String billingType) {
        UUID project = UUID.randomUUID();
        List<InvoiceRequest.RequestedLine> lines = switch (billingType) {
            case "FIXED_PRICE" -> List.of(line(LineKind.TERM, project, billingType, "Term 2: data migration delivered",
                    "Milestone M2 accepted on 2026-10-28", "1", "C62", "12000.00", false));
            case "TIME_AND_MATERIALS" -> List.of(
                    new InvoiceRequest.RequestedLine(LineKind.ACTIVITY, List.of(UUID.randomUUID(), UUID.randomUUID()), null, project,
                            billingType, null, "Ada Lovelace", null, "Ada Lovelace - Consulting, 2026-10-01 to 2026-10-31", null,
                            new BigDecimal("12.5"), "DAY", new BigDecimal("1160.00"), false, null),
                    InvoiceRequest.RequestedLine.time(UUID.randomUUID(), LocalDate.of(2026, 10, 30), project, "Go-live support",
                            "Grace Hopper", null, null, new BigDecimal("7.5"), new BigDecimal("145.00")));
            case "CAPPED_TIME_AND_MATERIALS" -> List.of(
                    InvoiceRequest.RequestedLine.time(UUID.randomUUID(), LocalDate.of(2026, 10, 29), project, "Testing",
                            "Grace Hopper", null, null, new BigDecimal("8"), new BigDecimal("145.00")),
                    InvoiceRequest.RequestedLine.time(UUID.randomUUID(), LocalDate.of(2026, 10, 30), project, "Testing (capped: 3.17 of 8.00 h)",
                            "Grace Hopper", null, null, new BigDecimal("3.17"), new BigDecimal("145.00")));
            case "MANUAL" -> List.of(
                    line(LineKind.MANUAL, project, billingType, "Workshop facilitation", "Half-day workshop, on site", "2", "C62",
                            "850.00", false),
                    line(LineKind.MANUAL, project, billingType, "travel billed twice on INV-2026-00031", "credited", "-1", "C62", "200.00",
                            true));
            default -> throw new IllegalArgumentException(billingType);
        };
        BillDetails details = new BillDetails(project, billingType, new BillDetails.Contact("Greta Hansen", "ap@northwind.example"),
                billingType.equals("FIXED_PRICE")
                        ? new BillDetails.PaymentRecipient("Hourbill Receivables Trust", "DE02120300000000202051", "BYLADEM1001", "DKB")
                        : null,
                "Maria Keller", "internal: check travel policy", billingType.equals("FIXED_PRICE") ? new BigDecimal("48000.00") : null);
        InvoiceRequest request = new InvoiceRequest(UUID.randomUUID(), null, BUYER, "EUR", new BigDecimal("19.00"),
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), 30, "PO-2026-118", null, null,
                details, lines);
        return Invoice.draft(request).issue("INV", "INV-2026-00042", SELLER, Instant.parse("2026-11-02T09:30:00Z"));
    }

    private static InvoiceRequest.RequestedLine line(LineKind kind, UUID project, String billingType, String description, String detail,
            String quantity, String unit, String price, boolean amendment) {
        return new InvoiceRequest.RequestedLine(kind, List.of(), null, project, billingType, null, null, null, description, detail,
                new BigDecimal(quantity), unit, new BigDecimal(price), amendment, kind == LineKind.TERM ? UUID.randomUUID() : null);
    }

    private static void assertValid(byte[] document, String name) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(document, name);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "validation-" + name + ".xml"), report);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(report).as(report).doesNotContain("<error", "status=\"invalid\"");
        assertThat(report.substring(report.lastIndexOf("<summary "))).as(report).startsWith("<summary status=\"valid\"/>");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    private static BigDecimal amount(String xml, String element) {
        // The header's monetary summation comes after the lines: the last occurrence is the document total.
        Matcher m = Pattern.compile("<ram:" + element + "[^>]*>([-0-9.]+)</ram:" + element + ">").matcher(xml);
        String last = null;
        while (m.find()) last = m.group(1);
        assertThat(last).as(element + " in " + xml).isNotNull();
        return new BigDecimal(last);
    }

    static Invoice invoice(String currency, int lines, String hours, String rate) {
        List<InvoiceRequest.RequestedLine> requested = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            requested.add(InvoiceRequest.RequestedLine.time(UUID.randomUUID(), LocalDate.of(2026, 10, 1).plusDays(i % 31), UUID.randomUUID(),
                    "Task " + (i + 1), "Ada Lovelace", "Senior Consultant", null, new BigDecimal(hours), new BigDecimal(rate)));
        }
        InvoiceRequest request = new InvoiceRequest(UUID.randomUUID(), null, BUYER, currency, new BigDecimal("19.00"),
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), 30, "PO-7", null, "October work",
                null, requested);
        return Invoice.draft(request).issue("INV", "INV-2026-00042", SELLER, Instant.parse("2026-11-02T09:30:00Z"));
    }

    static CreditNote creditNote(Invoice invoice) {
        return CreditNote.cancelling(invoice, "CN", "CN-2026-00007", LocalDate.of(2026, 11, 10), "wrong rate",
                Instant.parse("2026-11-10T08:00:00Z"));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ");
        }
    }
}
