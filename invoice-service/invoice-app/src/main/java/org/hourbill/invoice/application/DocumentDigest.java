package org.hourbill.invoice.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a rendered document, in hex or as bytes. */
public final class DocumentDigest {
    private DocumentDigest() {
    }

    public static String sha256(byte[] document) {
        return HexFormat.of().formatHex(sha256Bytes(document));
    }

    public static byte[] sha256Bytes(byte[] document) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(document);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
