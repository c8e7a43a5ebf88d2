package org.hourbill.invoice.adapter.in.web;

import java.util.Base64;
import java.util.UUID;

import org.hourbill.invoice.application.DocumentDigest;
import org.hourbill.invoice.application.DocumentFingerprinting;
import org.hourbill.invoice.application.InvoiceDocuments;
import org.hourbill.invoice.domain.CreditNote;
import org.hourbill.invoice.domain.CreditNotes;
import org.hourbill.invoice.domain.ElectronicAddress;
import org.hourbill.invoice.domain.ElectronicAddresses;
import org.hourbill.invoice.domain.Invoice;
import org.hourbill.invoice.domain.Invoices;
import org.hourbill.invoice.domain.Party;
import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.platform.problem.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of the frozen documents: the branded PDF (with its SHA-256 in {@code Repr-Digest}, and a check against
 * the one stored at issue), Factur-X / ZUGFeRD (PDF/A-3 with the XML inside) and XRechnung (CII XML); and the
 * customers' e-invoice addresses.
 */
@RestController
class DocumentController {
    private static final MediaType XML = MediaType.APPLICATION_XML;
    private final Invoices invoices;
    private final CreditNotes creditNotes;
    private final InvoiceDocuments documents;
    private final DocumentFingerprinting fingerprinting;
    private final ElectronicAddresses addresses;

    DocumentController(Invoices invoices, CreditNotes creditNotes, InvoiceDocuments documents, DocumentFingerprinting fingerprinting,
            ElectronicAddresses addresses) {
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.documents = documents;
        this.fingerprinting = fingerprinting;
        this.addresses = addresses;
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping("/invoices/{id}/pdf")
    ResponseEntity<byte[]> invoicePdf(@PathVariable UUID id) {
        Invoice invoice = invoice(id);
        return download(documents.pdf(invoice), invoice.number() + ".pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/invoices/{id}/pdf/verification")
    Verification verifyInvoice(@PathVariable UUID id) {
        Invoice invoice = invoice(id);
        return verification(invoice.id(), invoice.number(), documents.pdf(invoice));
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping("/invoices/{id}/factur-x")
    ResponseEntity<byte[]> invoiceFacturX(@PathVariable UUID id) {
        Invoice invoice = invoice(id);
        return download(documents.facturX(invoice, addresses.find(invoice.buyer().customerId())), invoice.number() + "-factur-x.pdf",
                MediaType.APPLICATION_PDF);
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping("/invoices/{id}/xrechnung")
    ResponseEntity<byte[]> invoiceXRechnung(@PathVariable UUID id) {
        Invoice invoice = invoice(id);
        return download(documents.xrechnung(invoice, requiredAddress(invoice.buyer())), invoice.number() + "-xrechnung.xml", XML);
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping("/credit-notes/{id}/pdf")
    ResponseEntity<byte[]> creditNotePdf(@PathVariable UUID id) {
        CreditNote c = creditNote(id);
        return download(documents.pdf(c, invoice(c.invoiceId())), c.number() + ".pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/credit-notes/{id}/pdf/verification")
    Verification verifyCreditNote(@PathVariable UUID id) {
        CreditNote c = creditNote(id);
        return verification(c.id(), c.number(), documents.pdf(c, invoice(c.invoiceId())));
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping("/credit-notes/{id}/factur-x")
    ResponseEntity<byte[]> creditNoteFacturX(@PathVariable UUID id) {
        CreditNote c = creditNote(id);
        return download(documents.facturX(c, invoice(c.invoiceId()), addresses.find(c.buyer().customerId())),
                c.number() + "-factur-x.pdf", MediaType.APPLICATION_PDF);
    }

    @ResponseStatus(HttpStatus.OK)
    @GetMapping("/credit-notes/{id}/xrechnung")
    ResponseEntity<byte[]> creditNoteXRechnung(@PathVariable UUID id) {
        CreditNote c = creditNote(id);
        return download(documents.xrechnung(c, invoice(c.invoiceId()), requiredAddress(c.buyer())), c.number() + "-xrechnung.xml", XML);
    }

    @PutMapping("/customers/{customerId}/e-invoicing")
    ElectronicAddress setAddress(@PathVariable UUID customerId, @RequestBody AddressRequest request) {
        ElectronicAddress address = new ElectronicAddress(customerId, request.scheme(), request.address());
        addresses.save(address);
        return address;
    }

    @GetMapping("/customers/{customerId}/e-invoicing")
    ElectronicAddress address(@PathVariable UUID customerId) {
        return addresses.find(customerId).orElseThrow(() -> new NotFound("the customer has no e-invoicing address yet"));
    }

    /** @param sha256AtIssue the fingerprint stored when the document was issued; {@code matches} when this rendering equals it */
    record Verification(UUID documentId, String number, String sha256AtIssue, String sha256Now, boolean matches) {
    }

    record AddressRequest(String scheme, String address) {
    }

    private Verification verification(UUID id, String number, byte[] rendered) {
        String stored = fingerprinting.fingerprint(id, rendered);
        String now = DocumentDigest.sha256(rendered);
        return new Verification(id, number, stored, now, now.equals(stored));
    }

    private ElectronicAddress requiredAddress(Party buyer) {
        return addresses.find(buyer.customerId()).orElseThrow(() -> new ConflictingState("XRechnung needs the electronic address "
                + "(BT-49) where " + buyer.name() + " receives e-invoices: set it in the customer's billing settings"));
    }

    private Invoice invoice(UUID id) {
        return invoices.find(id).orElseThrow(() -> new NotFound("no invoice " + id));
    }

    private CreditNote creditNote(UUID id) {
        return creditNotes.find(id).orElseThrow(() -> new NotFound("no credit note " + id));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
        byte[] sha = DocumentDigest.sha256Bytes(body);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha) + ":").body(body);
    }
}
