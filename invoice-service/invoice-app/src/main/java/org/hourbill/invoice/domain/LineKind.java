package org.hourbill.invoice.domain;

/**
 * What a bill line bills, which follows from the project's billing type: time entries hour by hour (TIME), a
 * resource's days at an activity's daily price (ACTIVITY), a term of a fixed-price calendar (TERM), or a free line
 * of a manual bill (MANUAL).
 */
public enum LineKind {
    TIME, ACTIVITY, TERM, MANUAL
}
