package org.hourbill.invoice.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A series' numbering pattern such as {@code INV-{yyyy}-{seq:5}}: {@code {yyyy}}, {@code {yy}} and {@code {mm}} come
 * from the issue date, {@code {seq:N}} is the counter padded to N digits. The counter restarts with each new value
 * of the date parts the pattern shows (a yearly pattern counts per year), so no two periods can print the same number.
 */
public final class InvoiceNumberPattern {
    private static final Pattern TOKEN = Pattern.compile("\\{(yyyy|yy|mm|seq(?::(\\d{1,2}))?)}");
    private final String pattern;

    public InvoiceNumberPattern(String pattern) {
        if (pattern == null || !pattern.matches(".*\\{seq(:\\d{1,2})?}.*")) {
            throw new IllegalArgumentException("a numbering pattern needs a {seq} or {seq:N} part: " + pattern);
        }
        if (pattern.replaceAll(TOKEN.pattern(), "").matches(".*[{}].*")) {
            throw new IllegalArgumentException("unknown part in numbering pattern " + pattern + "; known: {yyyy} {yy} {mm} {seq:N}");
        }
        this.pattern = pattern;
    }

    /** The counter period for an issue date: the date parts of the pattern, or "-" for a pattern without any. */
    public String period(LocalDate issueDate) {
        boolean year = pattern.contains("{yyyy}") || pattern.contains("{yy}");
        boolean month = pattern.contains("{mm}");
        if (month) return "%04d-%02d".formatted(issueDate.getYear(), issueDate.getMonthValue());
        return year ? String.valueOf(issueDate.getYear()) : "-";
    }

    public String format(LocalDate issueDate, long sequence) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder number = new StringBuilder();
        while (m.find()) {
            String part = switch (m.group(1)) {
                case "yyyy" -> "%04d".formatted(issueDate.getYear());
                case "yy" -> "%02d".formatted(issueDate.getYear() % 100);
                case "mm" -> "%02d".formatted(issueDate.getMonthValue());
                default -> m.group(2) == null ? String.valueOf(sequence) : ("%0" + m.group(2) + "d").formatted(sequence);
            };
            m.appendReplacement(number, Matcher.quoteReplacement(part));
        }
        m.appendTail(number);
        return number.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
