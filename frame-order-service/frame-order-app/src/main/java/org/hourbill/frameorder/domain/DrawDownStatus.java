package org.hourbill.frameorder.domain;

/**
 * DRAWN: the hours are taken. REVERSED: they were given back. REJECTED: the draw-down was refused and took nothing.
 * BARRED: a reversal arrived before the draw-down itself; the draw-down will be rejected whenever it arrives.
 */
public enum DrawDownStatus {
    DRAWN, REVERSED, REJECTED, BARRED
}
