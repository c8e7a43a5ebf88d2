package org.hourbill.invoice.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hourbill.invoice.domain.InvoiceNumberPattern;
import org.hourbill.invoice.domain.NumberingPlan;
import org.hourbill.invoice.domain.Seller;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The firm's identity on its invoices and its numbering series ({@code hourbill.invoicing.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InvoicingSettings.Properties.class)
class InvoicingSettings {

    @ConfigurationProperties("hourbill.invoicing")
    record Properties(Seller seller, String defaultSeries, String creditNoteSeries, Map<String, String> series) {
    }

    @Bean
    Seller seller(Properties properties) {
        if (properties.seller() == null || properties.seller().name() == null) {
            throw new IllegalStateException("hourbill.invoicing.seller.name must be set: invoices need the seller's identity");
        }
        return properties.seller();
    }

    @Bean
    NumberingPlan numberingPlan(Properties properties) {
        Map<String, InvoiceNumberPattern> patterns = new LinkedHashMap<>();
        properties.series().forEach((name, pattern) -> patterns.put(name, new InvoiceNumberPattern(pattern)));
        return new NumberingPlan(properties.defaultSeries(), properties.creditNoteSeries(), patterns);
    }
}
