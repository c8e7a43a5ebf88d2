package org.hourbill.invoice.adapter.out.document;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address as e-invoices need it (street, post code, city, ISO country), read from the one-line address the
 * documents carry ("Gartenstrasse 5, 10115 Berlin, Germany"). The country may be a name or a two-letter code;
 * without one, the firm's own country is assumed.
 */
record PostalAddress(String street, String postCode, String city, String country) {
    private static final Pattern POST_CODE_CITY = Pattern.compile("^(\\d[\\dA-Z -]{2,9}?)\\s+(.+)$");
    private static final Map<String, String> COUNTRIES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        for (String code : Locale.getISOCountries()) {
            Locale locale = Locale.of("", code);
            COUNTRIES.put(code, code);
            COUNTRIES.put(locale.getDisplayCountry(Locale.ENGLISH), code);
            COUNTRIES.put(locale.getDisplayCountry(Locale.GERMAN), code);
            COUNTRIES.put(locale.getDisplayCountry(Locale.FRENCH), code);
        }
    }

    static PostalAddress parse(String oneLine, String defaultCountry) {
        if (oneLine == null || oneLine.isBlank()) return new PostalAddress(null, null, null, defaultCountry);
        String[] parts = oneLine.split("\\s*,\\s*");
        int last = parts.length - 1;
        String country = defaultCountry;
        if (parts.length > 1 && COUNTRIES.containsKey(parts[last])) {
            country = COUNTRIES.get(parts[last]);
            last--;
        }
        String street = parts[0], postCode = null, city = null;
        if (last >= 1) {
            Matcher m = POST_CODE_CITY.matcher(parts[last]);
            if (m.matches()) {
                postCode = m.group(1).trim();
                city = m.group(2);
            } else {
                city = parts[last];
            }
            if (last > 1) street = String.join(", ", java.util.Arrays.copyOfRange(parts, 0, last));
        }
        return new PostalAddress(street, postCode, city, country);
    }
}
