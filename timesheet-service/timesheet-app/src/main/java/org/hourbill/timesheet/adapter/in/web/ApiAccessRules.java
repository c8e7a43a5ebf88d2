package org.hourbill.timesheet.adapter.in.web;

import static org.hourbill.platform.security.Roles.APPROVER;
import static org.hourbill.platform.security.Roles.AUDITOR;
import static org.hourbill.platform.security.Roles.BILLING_CLERK;
import static org.hourbill.platform.security.Roles.FINANCE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.hourbill.platform.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may do what in timesheets: approvers own the time entry lifecycle, billing clerks and finance keep the master data
 * (customers, projects, resources, rates), and every role may read.
 */
@Configuration(proxyBeanMethods = false)
class ApiAccessRules {

    @Bean
    ApiAccess timesheetAccess() {
        return requests -> requests
                .requestMatchers(GET, "/**").hasAnyRole(APPROVER, BILLING_CLERK, FINANCE, AUDITOR)
                // a read sent as POST (its list of ids): whoever reads entries
                .requestMatchers(POST, "/time-entries/valuations").hasAnyRole(APPROVER, BILLING_CLERK, FINANCE, AUDITOR)
                .requestMatchers(POST, "/time-entries", "/time-entries/submissions", "/time-entries/approvals",
                        "/time-entries/rejections", "/time-entries/reopenings").hasRole(APPROVER)
                .requestMatchers(PUT, "/time-entries/*").hasRole(APPROVER)
                .requestMatchers(POST, "/customers", "/projects", "/resources").hasAnyRole(BILLING_CLERK, FINANCE)
                .requestMatchers(PUT, "/customers/*", "/projects/*", "/projects/*/rates/*").hasAnyRole(BILLING_CLERK, FINANCE);
    }
}
