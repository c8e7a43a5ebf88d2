package org.hourbill.payment.adapter.in.web;

import static org.hourbill.platform.security.Roles.AUDITOR;
import static org.hourbill.platform.security.Roles.BILLING_CLERK;
import static org.hourbill.platform.security.Roles.FINANCE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.hourbill.platform.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may do what with payments: finance records and reverses them; billing clerks, finance and auditors read the
 * receivables.
 */
@Configuration(proxyBeanMethods = false)
class ApiAccessRules {

    @Bean
    ApiAccess paymentAccess() {
        return requests -> requests
                .requestMatchers(GET, "/**").hasAnyRole(BILLING_CLERK, FINANCE, AUDITOR)
                .requestMatchers(POST, "/payments", "/payments/*/reversal").hasRole(FINANCE);
    }
}
