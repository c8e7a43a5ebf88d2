package org.hourbill.invoice.adapter.out.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A font with a fallback: text prints as entered, each character in the first font that has it (Source Sans for Latin,
 * Greek and Cyrillic, Noto Sans JP for CJK). The fallback is embedded only in documents that need it. A character no
 * font can draw prints as a visible marker such as {@code [U+1F600]}, never as a silent '?'; control characters print
 * as a space.
 */
final class Typeface {
    private final PDDocument pdf;
    private final PDType0Font primary;
    private final CmapLookup primaryGlyphs;
    private final TrueTypeFont fallbackFont;
    private final CmapLookup fallbackGlyphs;
    private PDType0Font fallback;

    Typeface(PDDocument pdf, TrueTypeFont primaryFont, TrueTypeFont fallbackFont) throws IOException {
        this.pdf = pdf;
        this.primary = PDType0Font.load(pdf, primaryFont, true);
        this.primaryGlyphs = primaryFont.getUnicodeCmapLookup();
        this.fallbackFont = fallbackFont;
        this.fallbackGlyphs = fallbackFont == null ? null : fallbackFont.getUnicodeCmapLookup();
    }

    /** A run of text that one font draws. */
    record Run(PDType0Font font, String text) {
    }

    /** The text as it will print: control characters as spaces, what no font has as a marker. */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) out.append(' ');
            else if (has(primaryGlyphs, cp) || has(fallbackGlyphs, cp)) out.appendCodePoint(cp);
            else out.append("[U+").append(String.format("%04X", cp)).append(']');
        });
        return out.toString();
    }

    /** Printable text cut into runs by the font that draws them. */
    List<Run> runs(String printable) {
        List<Run> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        PDType0Font current = null;
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            PDType0Font font = has(primaryGlyphs, cp) ? primary : fallback();
            if (font != current && !run.isEmpty()) {
                runs.add(new Run(current, run.toString()));
                run.setLength(0);
            }
            current = font;
            run.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (!run.isEmpty()) runs.add(new Run(current, run.toString()));
        return runs;
    }

    float width(String printable, float size) throws IOException {
        float width = 0;
        for (Run run : runs(printable)) width += run.font().getStringWidth(run.text()) / 1000 * size;
        return width;
    }

    private PDType0Font fallback() {
        if (fallback == null) {
            try {
                fallback = PDType0Font.load(pdf, fallbackFont, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fallback;
    }

    private static boolean has(CmapLookup glyphs, int codePoint) {
        return glyphs != null && glyphs.getGlyphId(codePoint) > 0;
    }
}
