package org.hourbill.frameorder.domain;

/** Open orders can be drawn from; exhausted ones have no hours left (a reversal reopens them); closed ones are done. */
public enum FrameOrderStatus {
    OPEN, EXHAUSTED, CLOSED
}
