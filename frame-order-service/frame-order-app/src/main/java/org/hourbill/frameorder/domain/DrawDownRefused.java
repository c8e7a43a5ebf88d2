package org.hourbill.frameorder.domain;

/** A draw-down the frame order cannot allow; the message is written for the person who asked for the invoice. */
public class DrawDownRefused extends RuntimeException {
    public DrawDownRefused(String message) {
        super(message);
    }
}
