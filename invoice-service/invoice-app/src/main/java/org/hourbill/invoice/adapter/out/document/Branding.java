package org.hourbill.invoice.adapter.out.document;

import java.awt.Color;

/**
 * The firm's look on its documents ({@code hourbill.invoicing.branding.*}): a logo (PNG or JPEG on the classpath or
 * the file system, optional) and two colours as hex, the primary for the header band, the accent for table heads.
 */
public record Branding(String logo, String primaryColour, String accentColour) {
    public Branding {
        if (primaryColour == null) primaryColour = "#1F3A5F";
        if (accentColour == null) accentColour = "#E8EEF5";
        parse(primaryColour);
        parse(accentColour);
    }

    Color primary() {
        return parse(primaryColour);
    }

    Color accent() {
        return parse(accentColour);
    }

    private static Color parse(String hex) {
        if (!hex.matches("#[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("branding colours are written #RRGGBB, not " + hex);
        }
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }
}
