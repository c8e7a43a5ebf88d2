package org.hourbill.invoice.adapter.out.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Sets the tax and payable totals of a CII invoice with one VAT rate to the document's own rounded amounts. */
final class CiiTotals {
    private static final String RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

    private CiiTotals() {
    }

    static byte[] replace(byte[] xml, BigDecimal tax, BigDecimal total) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            Element settlement = (Element) doc.getElementsByTagNameNS(RAM, "ApplicableHeaderTradeSettlement").item(0);
            NodeList taxes = settlement.getElementsByTagNameNS(RAM, "ApplicableTradeTax");
            if (taxes.getLength() != 1) throw new IllegalStateException("expected one VAT breakdown, found " + taxes.getLength());
            set((Element) taxes.item(0), "CalculatedAmount", tax);
            Element summation = (Element) settlement.getElementsByTagNameNS(RAM, "SpecifiedTradeSettlementHeaderMonetarySummation").item(0);
            set(summation, "TaxTotalAmount", tax);
            set(summation, "GrandTotalAmount", total);
            set(summation, "DuePayableAmount", total);
            var out = new ByteArrayOutputStream();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot set the totals of the e-invoice", e);
        }
    }

    private static void set(Element parent, String name, BigDecimal value) {
        NodeList nodes = parent.getElementsByTagNameNS(RAM, name);
        if (nodes.getLength() == 0) throw new IllegalStateException("no " + name + " in the e-invoice");
        nodes.item(0).setTextContent(value.toPlainString());
    }
}
