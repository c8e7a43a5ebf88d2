package org.hourbill.invoice.application;

import java.util.Optional;

import org.hourbill.invoice.domain.CreditNote;
import org.hourbill.invoice.domain.ElectronicAddress;
import org.hourbill.invoice.domain.Invoice;

/** Renders the frozen documents: the branded PDF, Factur-X / ZUGFeRD and XRechnung (a port; PDFBox and Mustang behind it). */
public interface InvoiceDocuments {
    byte[] pdf(Invoice invoice);

    byte[] pdf(CreditNote creditNote, Invoice cancelled);

    byte[] facturX(Invoice invoice, Optional<ElectronicAddress> buyerAddress);

    byte[] facturX(CreditNote creditNote, Invoice cancelled, Optional<ElectronicAddress> buyerAddress);

    byte[] xrechnung(Invoice invoice, ElectronicAddress buyerAddress);

    byte[] xrechnung(CreditNote creditNote, Invoice cancelled, ElectronicAddress buyerAddress);
}
