package org.hourbill.timesheet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Timesheets: customers, projects, consultants, rates and time entries; announces approved hours to billing. */
@SpringBootApplication
public class TimesheetApplication {
    public static void main(String[] args) {
        SpringApplication.run(TimesheetApplication.class, args);
    }
}
