package org.hourbill.invoice.adapter.out.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.hourbill.invoice.domain.Invoice;

/**
 * Prints how long the documents take to render, per invoice, for a 1-page invoice, one of 50 lines (the month-end
 * close benchmark's) and a 20-page one, and how many 1-page PDFs two threads render per second.
 * {@code ./mvnw -pl invoice-service/invoice-app -am install -DskipTests -Pdocument-benchmark}
 */
public final class DocumentRenderingBenchmark {
    private DocumentRenderingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        MustangInvoiceDocuments documents = new MustangInvoiceDocuments(new Branding("branding/hourbill-logo.png", null, null),
                new EInvoiceSettings("DE", "Billing team", "+49 30 1234567", "billing@hourbill.example"));
        Invoice onePage = InvoiceDocumentsTest.invoice("EUR", 10, "7.5", "145.00");
        Invoice fiftyLines = InvoiceDocumentsTest.invoice("EUR", 50, "7.5", "145.00");
        Invoice twentyPages = InvoiceDocumentsTest.invoice("EUR", 760, "7.5", "145.00");
        var address = InvoiceDocumentsTest.BUYER_ADDRESS;

        System.out.println("warming up...");
        time(documents::pdf, onePage, 300);
        time(i -> documents.facturX(i, Optional.of(address)), onePage, 100);
        time(i -> documents.xrechnung(i, address), onePage, 100);

        System.out.println("\n=== Document rendering (1 thread, per invoice) ===");
        System.out.printf("%-12s %14s %14s %14s%n", "", "1 page", "50 lines", "20 pages");
        List<Invoice> sizes = List.of(onePage, fiftyLines, twentyPages);
        row("PDF", documents::pdf, sizes);
        row("Factur-X", i -> documents.facturX(i, Optional.of(address)), sizes);
        row("XRechnung", i -> documents.xrechnung(i, address), sizes);

        int n = 600;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        List<Future<byte[]>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) done.add(threads.submit(() -> documents.pdf(onePage)));
        for (Future<byte[]> f : done) f.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        System.out.printf("%nThroughput, 1-page PDFs on 2 threads: %.0f invoices/s (%d in %.2f s)%n", n / seconds, n, seconds);
    }

    /** The time of one render per invoice size: the mean of about 1,000 lines' worth of renders, at least 10. */
    private static void row(String name, Function<Invoice, byte[]> render, List<Invoice> sizes) {
        StringBuilder line = new StringBuilder("%-12s".formatted(name));
        for (Invoice invoice : sizes) {
            int times = Math.max(10, 1_000 / invoice.lines().size());
            line.append(" %11.1f ms".formatted(time(render, invoice, times)));
        }
        System.out.println(line);
    }

    /** @return milliseconds per render */
    private static double time(Function<Invoice, byte[]> render, Invoice invoice, int times) {
        long start = System.nanoTime();
        int bytes = 0;
        for (int i = 0; i < times; i++) bytes += render.apply(invoice).length;
        if (bytes == 0) throw new IllegalStateException("nothing rendered");
        return (System.nanoTime() - start) / 1e6 / times;
    }
}
