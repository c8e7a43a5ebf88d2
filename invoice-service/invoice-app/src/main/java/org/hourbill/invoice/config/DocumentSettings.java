package org.hourbill.invoice.config;

import org.hourbill.invoice.adapter.out.document.Branding;
import org.hourbill.invoice.adapter.out.document.EInvoiceSettings;
import org.hourbill.invoice.adapter.out.document.MustangInvoiceDocuments;
import org.hourbill.invoice.application.InvoiceDocuments;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The look of printed documents and the extra facts e-invoices need ({@code hourbill.invoicing.branding/e-invoice}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentSettings.Properties.class)
class DocumentSettings {

    @ConfigurationProperties("hourbill.invoicing")
    record Properties(Branding branding, EInvoiceSettings eInvoice) {
    }

    @Bean
    InvoiceDocuments invoiceDocuments(Properties properties) {
        Branding branding = properties.branding() == null ? new Branding(null, null, null) : properties.branding();
        if (properties.eInvoice() == null) {
            throw new IllegalStateException("hourbill.invoicing.e-invoice.country must be set: e-invoice addresses need a country");
        }
        return new MustangInvoiceDocuments(branding, properties.eInvoice());
    }
}
