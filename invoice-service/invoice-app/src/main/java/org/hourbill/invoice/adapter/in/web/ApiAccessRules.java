package org.hourbill.invoice.adapter.in.web;

import static org.hourbill.platform.security.Roles.AUDITOR;
import static org.hourbill.platform.security.Roles.BILLING_CLERK;
import static org.hourbill.platform.security.Roles.FINANCE;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.hourbill.platform.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may do what with invoices: billing clerks and finance send them and keep e-invoicing settings, only finance voids
 * (a credit note); billing clerks, finance and auditors read. Attempts to change an invoice reach the API, which refuses
 * them for everyone (409), but only after the role check.
 */
@Configuration(proxyBeanMethods = false)
class ApiAccessRules {

    @Bean
    ApiAccess invoiceAccess() {
        return requests -> requests
                .requestMatchers(GET, "/**").hasAnyRole(BILLING_CLERK, FINANCE, AUDITOR)
                .requestMatchers(POST, "/invoices/*/sending").hasAnyRole(BILLING_CLERK, FINANCE)
                .requestMatchers(POST, "/invoices/*/voiding").hasRole(FINANCE)
                .requestMatchers(PUT, "/customers/*/e-invoicing").hasAnyRole(BILLING_CLERK, FINANCE)
                .requestMatchers(PUT, "/invoices/*").hasAnyRole(BILLING_CLERK, FINANCE)
                .requestMatchers(PATCH, "/invoices/*").hasAnyRole(BILLING_CLERK, FINANCE)
                .requestMatchers(DELETE, "/invoices/*").hasAnyRole(BILLING_CLERK, FINANCE);
    }
}
