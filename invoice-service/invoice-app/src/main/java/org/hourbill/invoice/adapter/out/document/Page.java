package org.hourbill.invoice.adapter.out.document;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Drawing on one page: text left, right-aligned or clipped to a width, filled boxes and rules. */
final class Page {
    record Fonts(PDType0Font regular, PDType0Font bold) {
    }

    final PDPageContentStream cs;
    final Fonts fonts;

    Page(PDPageContentStream cs, Fonts fonts) {
        this.cs = cs;
        this.fonts = fonts;
    }

    void text(String text, PDType0Font font, float size, float x, float y, Color colour) throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(colour);
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(printable(text, font));
        cs.endText();
    }

    void right(String text, PDType0Font font, float size, float rightX, float y, Color colour) throws IOException {
        text(text, font, size, rightX - width(text, font, size), y, colour);
    }

    /** Shortens the text with an ellipsis until it fits the width. */
    void clipped(String text, PDType0Font font, float size, float x, float maxWidth, float y) throws IOException {
        String shown = printable(text, font);
        if (width(shown, font, size) > maxWidth) {
            while (!shown.isEmpty() && width(shown + "…", font, size) > maxWidth) shown = shown.substring(0, shown.length() - 1);
            shown = shown + "…";
        }
        text(shown, font, size, x, y, new Color(0x22, 0x22, 0x22));
    }

    List<String> wrap(String text, PDType0Font font, float size, float maxWidth) throws IOException {
        return wrapped(text, font, size, maxWidth);
    }

    static List<String> wrapped(String text, PDType0Font font, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(text, font).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) > maxWidth && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    void fill(Color colour, float x, float y, float w, float h) throws IOException {
        cs.setNonStrokingColor(colour);
        cs.addRect(x, y, w, h);
        cs.fill();
    }

    void line(float x1, float y1, float x2, float y2) throws IOException {
        cs.setStrokingColor(new Color(0xBB, 0xBB, 0xBB));
        cs.setLineWidth(0.5f);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }

    private static float width(String text, PDType0Font font, float size) throws IOException {
        return font.getStringWidth(printable(text, font)) / 1000 * size;
    }

    /**
     * Characters outside what the font covers (Latin, Latin-1, Latin Extended-A and common punctuation) and control
     * characters are shown as '?', never an error.
     */
    static String printable(String text, PDType0Font font) {
        for (int i = 0; i < text.length(); i++) {
            if (!drawable(text.charAt(i))) return replaceUndrawable(text);
        }
        return text;
    }

    private static String replaceUndrawable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(cp <= 0xFFFF && drawable((char) cp) ? cp : '?'));
        return out.toString();
    }

    private static boolean drawable(char c) {
        return (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0x17F) || "–—‘’‚“”„•…€·".indexOf(c) >= 0;
    }
}
