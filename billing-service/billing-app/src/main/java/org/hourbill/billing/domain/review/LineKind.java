package org.hourbill.billing.domain.review;

/** What a bill line bills: a time entry by the hour, a resource's days at an activity price, a term, or a free line. */
public enum LineKind {
    TIME, ACTIVITY, TERM, MANUAL
}
