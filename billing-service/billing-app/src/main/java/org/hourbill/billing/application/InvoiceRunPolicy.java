package org.hourbill.billing.application;

import java.time.Duration;

/**
 * How patient invoice runs are.
 *
 * @param answerTimeout how long a run waits for a participant's answer before asking again
 * @param maxAttempts   how often a step before the pivot is asked before the run turns back
 */
public record InvoiceRunPolicy(Duration answerTimeout, int maxAttempts) {
}
