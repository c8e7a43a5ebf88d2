package org.hourbill.invoice.adapter.out.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Date;
import java.util.Optional;

import org.hourbill.invoice.domain.ElectronicAddress;
import org.hourbill.invoice.domain.InvoiceLine;
import org.hourbill.invoice.domain.Party;
import org.hourbill.platform.problem.UnprocessableRequest;
import org.mustangproject.Allowance;
import org.mustangproject.BankDetails;
import org.mustangproject.Charge;
import org.mustangproject.Contact;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.SchemedID;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * EN 16931 e-invoices with Mustangproject: Factur-X / ZUGFeRD (the branded PDF/A-3 with the CII XML inside, profile
 * EN 16931) and XRechnung (CII XML). A credit note is document type 381 referencing the invoice it cancels, with
 * positive amounts as the standard wants. The XML carries exactly the rounded amounts of the printed document.
 */
public class EInvoices {
    private final EInvoiceSettings settings;

    public EInvoices(EInvoiceSettings settings) {
        this.settings = settings;
    }

    public byte[] facturX(PrintedDocument d, byte[] pdf, Optional<ElectronicAddress> buyerAddress) {
        byte[] xml = xml(d, buyerAddress, "EN16931");
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
            exporter.setZUGFeRDVersion(2).setProfile(Profiles.getByName("EN16931")).setProducer("Hourbill").setCreator(d.seller().name())
                    .load(pdf);
            exporter.setXML(xml);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the Factur-X of " + d.number(), e);
        }
    }

    public byte[] xrechnung(PrintedDocument d, ElectronicAddress buyerAddress) {
        return xml(d, Optional.of(buyerAddress), "XRECHNUNG");
    }

    /**
     * The CII XML. EN 16931 amounts have at most two decimals: a currency with three (KWD) cannot be carried
     * exactly and is refused. Mustang computes the tax to two decimals; for a currency without minor unit (JPY) the
     * tax and totals are set to the document's whole amounts, which the standard's rules accept (BR-S-09 allows
     * one unit of rounding).
     */
    private byte[] xml(PrintedDocument d, Optional<ElectronicAddress> buyerAddress, String profile) {
        int minor = Currency.getInstance(d.currency()).getDefaultFractionDigits();
        if (minor > 2) {
            throw new UnprocessableRequest(null, "EN 16931 e-invoices carry amounts with at most two decimals; " + d.number()
                    + " is in " + d.currency() + " with " + minor + ", so only its PDF is issued");
        }
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(Profiles.getByName(profile));
        provider.generateXML(transaction(d, buyerAddress));
        byte[] xml = provider.getXML();
        return minor == 2 ? xml : CiiTotals.replace(xml, d.taxAmount().abs(), d.total().abs());
    }

    Invoice transaction(PrintedDocument d, Optional<ElectronicAddress> buyerAddress) {
        var s = d.seller();
        PostalAddress sellerAddress = PostalAddress.parse(s.address(), settings.country());
        TradeParty seller = party(s.name(), sellerAddress).addVATID(s.taxId());
        if (d.recipientAccount()) {
            var r = d.bill().paymentRecipient();
            seller.addBankDetails(new BankDetails(r.iban(), r.bic()).setAccountName(r.name()));
        } else if (s.iban() != null) {
            seller.addBankDetails(new BankDetails(s.iban(), s.bic()).setAccountName(s.name()));
        }
        if (settings.contactEmail() != null) {
            seller.setContact(new Contact(settings.contactName(), settings.contactPhone(), settings.contactEmail()));
            seller.setEmail(settings.contactEmail());
        }
        Party b = d.buyer();
        TradeParty buyer = party(b.name(), PostalAddress.parse(b.address(), settings.country()));
        if (b.taxId() != null) buyer.addVATID(b.taxId());
        buyer.setID(b.customerId().toString());
        var contact = d.bill().billContact();
        if (contact != null) buyer.setContact(new Contact().setName(contact.name()).setEMail(contact.email()));
        buyerAddress.ifPresent(a -> {
            if (a.scheme().equals("EM")) buyer.setEmail(a.address());
            else buyer.addUriUniversalCommunicationID(new SchemedID(a.scheme(), a.address()));
        });

        Invoice invoice = new Invoice().setNumber(d.number()).setIssueDate(date(d.issueDate())).setCurrency(d.currency())
                .setSender(seller).setRecipient(buyer)
                .setReferenceNumber(d.poNumber() != null ? d.poNumber() : b.customerId().toString());
        if (d.dueDate() != null) invoice.setDueDate(date(d.dueDate()));
        if (d.paymentTermsDays() != null) {
            invoice.setPaymentTermDescription(d.paymentTermsDays() + " days net, payable by " + d.dueDate());
        }
        if (d.periodFrom() != null && d.periodTo() != null) {
            invoice.setDetailedDeliveryPeriod(date(d.periodFrom()), date(d.periodTo()));
            invoice.setDeliveryDate(date(d.periodTo()));
        } else {
            invoice.setDeliveryDate(date(d.issueDate()));
        }
        if (d.poNumber() != null) invoice.setBuyerOrderReferencedDocumentID(d.poNumber());
        if (!d.payeeName().equals(s.name())) {
            // BG-10: the payment goes to someone other than the seller
            invoice.setPayee(new TradeParty().setName(d.payeeName()));
        }
        if (d.creditNote()) {
            invoice.setCreditNote();
            // BR-CO-25: a positive amount due needs terms or a due date; a credit is due at once.
            invoice.setDueDate(date(d.issueDate()));
            invoice.setPaymentTermDescription("Credited in full on " + d.issueDate() + "; refunded or set off against open invoices");
            invoice.setInvoiceReferencedDocumentID(d.precedingInvoiceNumber());
            invoice.setInvoiceReferencedIssueDate(date(d.precedingInvoiceDate()));
            invoice.addNote("Cancels invoice " + d.precedingInvoiceNumber() + ": " + d.notes());
        } else if (d.notes() != null && !d.notes().isBlank()) {
            invoice.addNote(d.notes());
        }
        for (InvoiceLine l : d.lines()) {
            String name = LineText.description(l) + (l.date() == null ? "" : " " + l.date());
            Product product = new Product(name, LineText.detail(l), l.unit(), d.taxRate());
            // a credit note negates the quantities; the document type (381) carries the sign
            Item item = new Item(product, l.unitPrice(), d.creditNote() ? l.quantity().negate() : l.quantity());
            item.setId(String.valueOf(l.position()));
            // The standard computes the line at two decimals; where the currency rounds coarser (JPY), a line
            // allowance or charge brings it to the document's amount, so that line, lines sum and print agree.
            BigDecimal exact = l.unitPrice().multiply(d.creditNote() ? l.quantity().negate() : l.quantity()).setScale(2, RoundingMode.HALF_UP);
            BigDecimal rounding = (d.creditNote() ? l.amount().negate() : l.amount()).subtract(exact);
            if (rounding.signum() > 0) {
                item.addCharge(new Charge(rounding).setReason("Rounding to whole " + d.currency()).setReasonCode("ZZZ"));
            } else if (rounding.signum() < 0) {
                item.addAllowance(new Allowance(rounding.negate()).setReason("Rounding to whole " + d.currency()).setReasonCode("95"));
            }
            invoice.addItem(item);
        }
        return invoice;
    }

    private static TradeParty party(String name, PostalAddress a) {
        return new TradeParty(name, a.street(), a.postCode(), a.city(), a.country());
    }

    private static Date date(LocalDate d) {
        return Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
