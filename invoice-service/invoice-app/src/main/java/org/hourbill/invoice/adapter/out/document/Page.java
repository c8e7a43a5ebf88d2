package org.hourbill.invoice.adapter.out.document;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** Drawing on one page: text left, right-aligned or clipped to a width, filled boxes and rules. */
final class Page {
    record Fonts(Typeface regular, Typeface bold) {
    }

    final PDPageContentStream cs;
    final Fonts fonts;

    Page(PDPageContentStream cs, Fonts fonts) {
        this.cs = cs;
        this.fonts = fonts;
    }

    void text(String text, Typeface font, float size, float x, float y, Color colour) throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(colour);
        cs.newLineAtOffset(x, y);
        for (Typeface.Run run : font.runs(font.printable(text))) {
            cs.setFont(run.font(), size);
            cs.showText(run.text());
        }
        cs.endText();
    }

    void right(String text, Typeface font, float size, float rightX, float y, Color colour) throws IOException {
        text(text, font, size, rightX - font.width(font.printable(text), size), y, colour);
    }

    /** Shortens the text with an ellipsis until it fits the width. */
    void clipped(String text, Typeface font, float size, float x, float maxWidth, float y) throws IOException {
        String shown = font.printable(text);
        if (font.width(shown, size) > maxWidth) {
            while (!shown.isEmpty() && font.width(shown + "…", size) > maxWidth) {
                shown = shown.substring(0, shown.offsetByCodePoints(shown.length(), -1));
            }
            shown = shown + "…";
        }
        text(shown, font, size, x, y, new Color(0x22, 0x22, 0x22));
    }

    List<String> wrap(String text, Typeface font, float size, float maxWidth) throws IOException {
        return wrapped(text, font, size, maxWidth);
    }

    static List<String> wrapped(String text, Typeface font, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : font.printable(text).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.width(candidate, size) > maxWidth && !line.isEmpty()) {
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
}
