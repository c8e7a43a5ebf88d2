package org.hourbill.invoice.adapter.out.document;

import java.util.Optional;

import org.hourbill.invoice.application.InvoiceDocuments;
import org.hourbill.invoice.domain.CreditNote;
import org.hourbill.invoice.domain.ElectronicAddress;
import org.hourbill.invoice.domain.Invoice;

/** The branded PDF by PDFBox, and the EN 16931 e-invoices by Mustangproject on top of it. */
public class MustangInvoiceDocuments implements InvoiceDocuments {
    private final InvoicePdf pdf;
    private final EInvoices eInvoices;

    public MustangInvoiceDocuments(Branding branding, EInvoiceSettings settings) {
        this.pdf = new InvoicePdf(branding);
        this.eInvoices = new EInvoices(settings);
    }

    @Override
    public byte[] pdf(Invoice invoice) {
        return pdf.render(PrintedDocument.of(invoice));
    }

    @Override
    public byte[] pdf(CreditNote creditNote, Invoice cancelled) {
        return pdf.render(PrintedDocument.of(creditNote, cancelled));
    }

    @Override
    public byte[] facturX(Invoice invoice, Optional<ElectronicAddress> buyerAddress) {
        PrintedDocument d = PrintedDocument.of(invoice);
        return eInvoices.facturX(d, pdf.render(d), buyerAddress);
    }

    @Override
    public byte[] facturX(CreditNote creditNote, Invoice cancelled, Optional<ElectronicAddress> buyerAddress) {
        PrintedDocument d = PrintedDocument.of(creditNote, cancelled);
        return eInvoices.facturX(d, pdf.render(d), buyerAddress);
    }

    @Override
    public byte[] xrechnung(Invoice invoice, ElectronicAddress buyerAddress) {
        return eInvoices.xrechnung(PrintedDocument.of(invoice), buyerAddress);
    }

    @Override
    public byte[] xrechnung(CreditNote creditNote, Invoice cancelled, ElectronicAddress buyerAddress) {
        return eInvoices.xrechnung(PrintedDocument.of(creditNote, cancelled), buyerAddress);
    }
}
