package org.hourbill.platform.messaging;

/** An event that can never be processed, whatever the retries: it belongs in the dead-letter topic. */
public class MalformedEvent extends RuntimeException {
    public MalformedEvent(String message) {
        super(message);
    }

    public MalformedEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
