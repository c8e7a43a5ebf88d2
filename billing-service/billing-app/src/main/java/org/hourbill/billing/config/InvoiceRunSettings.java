package org.hourbill.billing.config;

import java.time.Duration;

import org.hourbill.billing.application.InvoiceRunPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How long invoice runs wait for answers and how often they ask ({@code hourbill.invoice-runs.*}). */
@Configuration(proxyBeanMethods = false)
class InvoiceRunSettings {
    @Bean
    InvoiceRunPolicy invoiceRunPolicy(@Value("${hourbill.invoice-runs.answer-timeout:PT30S}") Duration answerTimeout,
            @Value("${hourbill.invoice-runs.max-attempts:3}") int maxAttempts) {
        return new InvoiceRunPolicy(answerTimeout, maxAttempts);
    }
}
