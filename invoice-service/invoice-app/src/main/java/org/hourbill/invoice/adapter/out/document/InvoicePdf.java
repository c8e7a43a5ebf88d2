package org.hourbill.invoice.adapter.out.document;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.hourbill.invoice.application.DocumentDigest;
import org.hourbill.invoice.domain.InvoiceLine;
import org.hourbill.invoice.domain.LineKind;

/**
 * Renders an invoice or credit note as a branded A4 PDF, PDF/A-3 ready (embedded fonts, sRGB output intent, XMP),
 * so that the Factur-X exporter can attach the XML to it. Everything printed comes from the frozen document and every
 * date in the file is its issue time, so rendering the same document twice gives the same bytes.
 */
public class InvoicePdf {
    private static final float MARGIN = 50, WIDTH = PDRectangle.A4.getWidth(), HEIGHT = PDRectangle.A4.getHeight();
    private static final float ROW = 15, TABLE_TOP = 520, TABLE_BOTTOM = 90;
    /** Left edges of date, project / task and resource; right edges of hours, rate and amount. */
    private static final float[] COLUMN_X = {MARGIN, 108, 290, 425, 485, WIDTH - MARGIN};
    private static final String[] HEADERS = {"Date", "Description", "Resource / detail", "Quantity", "Unit price", "Amount"};
    private static final Color TEXT = new Color(0x22, 0x22, 0x22), MUTED = new Color(0x66, 0x66, 0x66);
    // Source Sans Pro (SIL Open Font License) ships with the Mustang library we use for e-invoices.
    private static final String REGULAR = "/fonts/SourceSansPro-Regular.ttf", BOLD = "/fonts/SourceSansPro-Bold.ttf";
    // Noto Sans JP (SIL Open Font License, from the npm registry at build time) draws what Source Sans does not: CJK.
    private static final String FALLBACK = "/fonts/NotoSansJP-Regular.ttf";

    private static final byte[] REGULAR_FONT = read(REGULAR), BOLD_FONT = read(BOLD), FALLBACK_FONT = read(FALLBACK);
    private final Branding branding;
    private final byte[] logo;

    public InvoicePdf(Branding branding) {
        this.branding = branding;
        this.logo = branding.logo() == null || branding.logo().isBlank() ? null : read(branding.logo());
    }

    public byte[] render(PrintedDocument d) {
        ParsedFonts parsed = fontPool.poll();
        if (parsed == null) parsed = new ParsedFonts(ttf(REGULAR_FONT), ttf(BOLD_FONT), ttf(FALLBACK_FONT));
        try (PDDocument pdf = new PDDocument()) {
            Page.Fonts fonts = new Page.Fonts(new Typeface(pdf, parsed.regular(), parsed.fallback()),
                    new Typeface(pdf, parsed.bold(), parsed.fallback()));
            PDImageXObject logoImage = logo == null ? null : PDImageXObject.createFromByteArray(pdf, logo, "logo");
            Map<InvoiceLine, Cells> cells = cells(d.lines(), fonts);
            List<List<InvoiceLine>> pages = paginate(d.lines(), l -> cells.containsKey(l) ? cells.get(l).rows() : 1);
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                    Page out = new Page(cs, fonts);
                    header(out, d, logoImage);
                    if (p == 0) addresses(out, d);
                    float y = table(out, pages.get(p), cells, p == 0 ? TABLE_TOP : 700);
                    if (p == pages.size() - 1) closing(out, d, y);
                    footer(out, d, p + 1, pages.size());
                }
            }
            pdfa(pdf, d);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + d.number(), e);
        } finally {
            fontPool.offer(parsed);
        }
    }

    /**
     * Parsing a font costs more than laying out a page, so parsed fonts are reused; one pair per concurrent rendering,
     * since a parsed font reads its file through a cursor of its own.
     */
    private record ParsedFonts(TrueTypeFont regular, TrueTypeFont bold, TrueTypeFont fallback) {
    }

    private final java.util.Queue<ParsedFonts> fontPool = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Lines per page, by the rows they take: the first page has the addresses above its table; the last needs room
     * for the totals.
     */
    private static List<List<InvoiceLine>> paginate(List<InvoiceLine> lines, java.util.function.ToIntFunction<InvoiceLine> rows) {
        int first = (int) ((TABLE_TOP - TABLE_BOTTOM) / ROW) - 1, others = (int) ((700 - TABLE_BOTTOM) / ROW) - 1;
        int closingRows = 14;
        List<List<InvoiceLine>> pages = new ArrayList<>();
        int i = 0, lastRows;
        do {
            int room = pages.isEmpty() ? first : others;
            int start = i, used = 0;
            while (i < lines.size() && (used + rows.applyAsInt(lines.get(i)) <= room || i == start)) used += rows.applyAsInt(lines.get(i++));
            pages.add(lines.subList(start, i));
            lastRows = used;
        } while (i < lines.size());
        if (lastRows > (pages.size() == 1 ? first : others) - closingRows) pages.add(List.of());
        return pages;
    }

    /** The wrapped description and detail of lines that say more than a time entry's task and resource. */
    private record Cells(List<String> description, List<String> detail) {
        int rows() {
            return Math.max(1, Math.max(description.size(), detail.size()));
        }
    }

    private static Map<InvoiceLine, Cells> cells(List<InvoiceLine> lines, Page.Fonts fonts) throws IOException {
        Map<InvoiceLine, Cells> cells = new java.util.IdentityHashMap<>();
        for (InvoiceLine l : lines) {
            if (l.kind() == LineKind.TIME) continue; // one row each: a month of entries stays compact
            cells.put(l, new Cells(Page.wrapped(LineText.description(l), fonts.regular(), 9, COLUMN_X[2] - COLUMN_X[1] - 6),
                    Page.wrapped(LineText.detail(l), fonts.regular(), 9, COLUMN_X[3] - COLUMN_X[2] - 50)));
        }
        return cells;
    }

    private void header(Page out, PrintedDocument d, PDImageXObject logoImage) throws IOException {
        out.fill(branding.primary(), 0, HEIGHT - 80, WIDTH, 80);
        out.text(d.seller().name(), out.fonts.bold(), 16, MARGIN, HEIGHT - 48, Color.WHITE);
        if (d.seller().address() != null) out.text(d.seller().address(), out.fonts.regular(), 9, MARGIN, HEIGHT - 64, Color.WHITE);
        if (logoImage != null) {
            float h = 50, w = logoImage.getWidth() * h / logoImage.getHeight();
            out.cs.drawImage(logoImage, WIDTH - MARGIN - w, HEIGHT - 65, w, h);
        }
        out.text(d.title() + " " + d.number(), out.fonts.bold(), 18, MARGIN, HEIGHT - 115, TEXT);
    }

    private void addresses(Page out, PrintedDocument d) throws IOException {
        float y = HEIGHT - 150;
        out.text(d.creditNote() ? "Credited to" : "Bill to", out.fonts.bold(), 9, MARGIN, y, MUTED);
        List<String> buyer = new ArrayList<>(List.of(d.buyer().name()));
        if (d.buyer().address() != null) buyer.addAll(List.of(d.buyer().address().split(",\\s*")));
        if (d.buyer().taxId() != null) buyer.add("VAT ID " + d.buyer().taxId());
        for (int i = 0; i < buyer.size(); i++) out.text(buyer.get(i), out.fonts.regular(), 10, MARGIN, y - 14 - i * 13, TEXT);

        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {d.title() + " number", d.number()});
        facts.add(new String[] {"Issue date", date(d.issueDate())});
        if (d.periodFrom() != null) facts.add(new String[] {"Service period", date(d.periodFrom()) + " to " + date(d.periodTo())});
        if (d.precedingInvoiceNumber() != null) {
            facts.add(new String[] {"Cancels invoice", d.precedingInvoiceNumber() + " of " + date(d.precedingInvoiceDate())});
        }
        if (d.dueDate() != null) facts.add(new String[] {"Due date", date(d.dueDate())});
        if (d.paymentTermsDays() != null) facts.add(new String[] {"Payment terms", d.paymentTermsDays() + " days net"});
        if (d.poNumber() != null) facts.add(new String[] {"PO number", d.poNumber()});
        if (d.frameOrderPoNumber() != null) facts.add(new String[] {"Frame order", d.frameOrderPoNumber()});
        var bill = d.bill();
        if (bill.billContact() != null) facts.add(new String[] {"Bill contact", bill.billContact().name()});
        if (bill.responsible() != null) facts.add(new String[] {"Responsible", bill.responsible()});
        if (bill.orderAmount() != null) {
            facts.add(new String[] {"Order amount", d.currency() + " " + number(bill.orderAmount(), d.total().scale())});
        }
        if (d.percentOfOrder() != null) facts.add(new String[] {"% of order", number(d.percentOfOrder(), 2) + " %"});
        for (int i = 0; i < facts.size(); i++) {
            out.text(facts.get(i)[0], out.fonts.regular(), 9, 330, y - i * 14, MUTED);
            out.text(facts.get(i)[1], out.fonts.bold(), 10, 420, y - i * 14, TEXT);
        }
    }

    private float table(Page out, List<InvoiceLine> lines, Map<InvoiceLine, Cells> cells, float top) throws IOException {
        out.fill(branding.accent(), MARGIN - 4, top - 4, WIDTH - 2 * MARGIN + 8, ROW);
        for (int c = 0; c < HEADERS.length; c++) {
            if (c >= 3) out.right(HEADERS[c], out.fonts.bold(), 9, COLUMN_X[c], top, TEXT);
            else out.text(HEADERS[c], out.fonts.bold(), 9, COLUMN_X[c], top, TEXT);
        }
        float y = top - ROW - 2;
        for (InvoiceLine l : lines) {
            if (l.date() != null) out.text(date(l.date()), out.fonts.regular(), 9, COLUMN_X[0], y, TEXT);
            Cells wrapped = cells.get(l);
            if (wrapped == null) {
                out.clipped(LineText.description(l), out.fonts.regular(), 9, COLUMN_X[1], COLUMN_X[2] - COLUMN_X[1] - 6, y);
                out.clipped(LineText.detail(l), out.fonts.regular(), 9, COLUMN_X[2], 90, y);
            } else {
                for (int r = 0; r < wrapped.description().size(); r++) {
                    out.text(wrapped.description().get(r), out.fonts.regular(), 9, COLUMN_X[1], y - r * ROW, TEXT);
                }
                for (int r = 0; r < wrapped.detail().size(); r++) {
                    out.text(wrapped.detail().get(r), out.fonts.regular(), 9, COLUMN_X[2], y - r * ROW, TEXT);
                }
            }
            out.right(number(l.quantity(), l.quantity().stripTrailingZeros().scale() <= 0 && l.kind() != LineKind.TIME
                    && l.kind() != LineKind.ACTIVITY ? 0 : l.quantity().scale()) + unitSuffix(l.unit()), out.fonts.regular(), 9,
                    COLUMN_X[3], y, TEXT);
            out.right(number(l.unitPrice(), Math.max(2, l.unitPrice().stripTrailingZeros().scale())), out.fonts.regular(), 9,
                    COLUMN_X[4], y, TEXT);
            out.right(number(l.amount(), l.amount().scale()), out.fonts.regular(), 9, COLUMN_X[5], y, TEXT);
            y -= ROW * (wrapped == null ? 1 : wrapped.rows());
        }
        return y;
    }

    private static String unitSuffix(String unit) {
        String shown = LineText.unit(unit);
        return shown.isEmpty() ? "" : " " + shown;
    }

    private void closing(Page out, PrintedDocument d, float y) throws IOException {
        int minor = d.total().scale();
        y -= 6;
        out.line(330, y + 10, WIDTH - MARGIN, y + 10);
        String[][] totals = {
                {"Hours", d.totalHours().signum() == 0 ? "" : number(d.totalHours(), 2)},
                {"Subtotal", d.currency() + " " + number(d.subtotal(), minor)},
                {"VAT " + number(d.taxRate(), 2) + " % on " + number(d.subtotal(), minor), d.currency() + " " + number(d.taxAmount(), minor)},
                {"Total", d.currency() + " " + number(d.total(), minor)}};
        for (String[] t : totals) {
            if (t[1].isEmpty()) continue;
            boolean total = t[0].equals("Total");
            out.text(t[0], total ? out.fonts.bold() : out.fonts.regular(), total ? 11 : 9, 330, y, TEXT);
            out.right(t[1], total ? out.fonts.bold() : out.fonts.regular(), total ? 11 : 9, WIDTH - MARGIN - 4, y, TEXT);
            y -= total ? 18 : 14;
        }
        y -= 10;
        var s = d.seller();
        List<String> closing = new ArrayList<>();
        if (d.creditNote()) {
            closing.add("This credit note cancels invoice " + d.precedingInvoiceNumber() + " in full. Reason: " + d.notes());
        } else {
            closing.add("Please pay " + d.currency() + " " + number(d.total(), minor) + " by " + date(d.dueDate()) + ", quoting "
                    + d.number() + ".");
            if (d.recipientAccount()) {
                var r = d.bill().paymentRecipient();
                closing.add("Bank transfer to " + r.name() + ", IBAN " + r.iban() + (r.bic() == null ? "" : ", BIC " + r.bic())
                        + (r.bankName() == null ? "" : " (" + r.bankName() + ")") + ".");
            } else if (s.iban() != null) {
                closing.add("Bank transfer to " + s.name() + ", IBAN " + s.iban() + (s.bic() == null ? "" : ", BIC " + s.bic())
                        + (s.bankName() == null ? "" : " (" + s.bankName() + ")") + ".");
            }
            if (d.bill().billContact() != null && d.bill().billContact().email() != null) {
                closing.add("Questions about this invoice: " + d.bill().billContact().name() + " <" + d.bill().billContact().email()
                        + "> receives it on the customer's side.");
            }
            if (d.notes() != null && !d.notes().isBlank()) closing.add("Notes: " + d.notes());
        }
        for (String text : closing) {
            for (String line : out.wrap(text, out.fonts.regular(), 9, WIDTH - 2 * MARGIN)) {
                out.text(line, out.fonts.regular(), 9, MARGIN, y, TEXT);
                y -= 12;
            }
        }
    }

    private void footer(Page out, PrintedDocument d, int page, int pages) throws IOException {
        out.line(MARGIN, 52, WIDTH - MARGIN, 52);
        var s = d.seller();
        String identity = s.name() + (s.address() == null ? "" : " · " + s.address()) + (s.taxId() == null ? "" : " · VAT ID " + s.taxId());
        out.clipped(identity, out.fonts.regular(), 8, MARGIN, WIDTH - 2 * MARGIN - 120, 40);
        out.right(d.number() + " · page " + page + " of " + pages, out.fonts.regular(), 8, WIDTH - MARGIN, 40, MUTED);
    }

    /** PDF/A-3b identification, sRGB output intent, and fixed dates and file id so that the bytes are reproducible. */
    private static void pdfa(PDDocument pdf, PrintedDocument d) throws IOException {
        Calendar issued = GregorianCalendar.from(d.issuedAt().atZone(ZoneOffset.UTC));
        issued.setTimeZone(TimeZone.getTimeZone("UTC"));
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(d.title() + " " + d.number());
        info.setAuthor(d.seller().name());
        info.setProducer("Hourbill");
        info.setCreationDate(issued);
        info.setModificationDate(issued);

        String when = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.issuedAt().atOffset(ZoneOffset.UTC));
        // Written directly: xmpbox's serializer looks up XML factories on every use, a third of the rendering time.
        String xmp = XMP.formatted(xml(info.getTitle()), xml(d.seller().name()), when, when, when);
        PDMetadata metadata = new PDMetadata(pdf);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        pdf.getDocumentCatalog().setMetadata(metadata);

        PDOutputIntent intent = new PDOutputIntent(pdf, new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        pdf.getDocumentCatalog().addOutputIntent(intent);

        byte[] fileId = DocumentDigest.sha256Bytes((d.id() + "/" + d.number()).getBytes(StandardCharsets.UTF_8));
        byte[] half = java.util.Arrays.copyOf(fileId, 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(half));
        ids.add(new COSString(half));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static final String XMP = """
            <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
              <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                  <dc:format>application/pdf</dc:format>
                  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                  <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
                  <xmp:CreateDate>%s</xmp:CreateDate>
                  <xmp:ModifyDate>%s</xmp:ModifyDate>
                  <xmp:MetadataDate>%s</xmp:MetadataDate>
                  <xmp:CreatorTool>Hourbill</xmp:CreatorTool>
                  <pdf:Producer>Hourbill</pdf:Producer>
                  <pdfaid:part>3</pdfaid:part>
                  <pdfaid:conformance>B</pdfaid:conformance>
                </rdf:Description>
              </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>""";

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Glyph substitution is switched off: PDFBox's ligature handling made text extraction lose letters ("ti", "ft")
     * and took most of the rendering time.
     */
    private static TrueTypeFont ttf(byte[] font) {
        try {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
            ttf.setEnableGsub(false);
            return ttf;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a bundled font", e);
        }
    }

    private static byte[] read(String location) {
        try (InputStream in = InvoicePdf.class.getResourceAsStream(location.startsWith("/") ? location : "/" + location)) {
            if (in != null) return in.readAllBytes();
            return Files.readAllBytes(Path.of(location));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + location, e);
        }
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    static String number(BigDecimal value, int decimals) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(java.math.RoundingMode.UNNECESSARY);
        return format.format(value);
    }
}
