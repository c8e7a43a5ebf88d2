package org.hourbill.billing.adapter.in.web;

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
 * Who may do what in billing: billing clerks run reviews and generate invoices, billing clerks and finance set up how
 * projects are billed, finance alone reverses a write-off; billing clerks and finance prepare and start billing runs; billing clerks, finance and auditors read.
 */
@Configuration(proxyBeanMethods = false)
class ApiAccessRules {

    @Bean
    ApiAccess billingAccess() {
        return requests -> requests
                .requestMatchers(GET, "/**").hasAnyRole(BILLING_CLERK, FINANCE, AUDITOR)
                .requestMatchers(POST, "/reviews", "/reviews/*/**").hasRole(BILLING_CLERK)
                .requestMatchers(PUT, "/reviews/*/**").hasRole(BILLING_CLERK)
                .requestMatchers(PATCH, "/reviews/*/**").hasRole(BILLING_CLERK)
                .requestMatchers(DELETE, "/reviews/*/**").hasRole(BILLING_CLERK)
                .requestMatchers(POST, "/billing-runs", "/billing-runs/*/start").hasAnyRole(BILLING_CLERK, FINANCE)
                .requestMatchers(POST, "/customers/*/write-off-reversals").hasRole(FINANCE)
                .requestMatchers(POST, "/projects/*/**", "/catalog", "/catalog/*/retirement").hasAnyRole(BILLING_CLERK, FINANCE)
                .requestMatchers(PUT, "/projects/*/**", "/catalog/*", "/customers/*/billing-defaults").hasAnyRole(BILLING_CLERK, FINANCE);
    }
}
