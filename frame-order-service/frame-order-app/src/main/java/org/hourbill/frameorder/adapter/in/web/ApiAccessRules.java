package org.hourbill.frameorder.adapter.in.web;

import static org.hourbill.platform.security.Roles.AUDITOR;
import static org.hourbill.platform.security.Roles.BILLING_CLERK;
import static org.hourbill.platform.security.Roles.FINANCE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.hourbill.platform.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may do what with frame orders: finance opens, closes and reverses; billing clerks (for the review's frame order
 * step), finance and auditors read.
 */
@Configuration(proxyBeanMethods = false)
class ApiAccessRules {

    @Bean
    ApiAccess frameOrderAccess() {
        return requests -> requests
                .requestMatchers(GET, "/**").hasAnyRole(BILLING_CLERK, FINANCE, AUDITOR)
                .requestMatchers(POST, "/frame-orders", "/frame-orders/*/closure", "/frame-orders/*/draw-downs/*/reversal")
                .hasRole(FINANCE);
    }
}
