package org.hourbill.platform.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * What no request field may hold, checked while the body is read so the refusal names the field: text with
 * control characters (PostgreSQL cannot store a NUL; the others are never typed by a person, tab and line breaks
 * aside), and numbers beyond what Hourbill stores. Every amount, rate, price and quantity column is
 * {@code numeric(p, s)} with at most 12 digits before the point; a service checks its own tighter business limits.
 */
public final class RequestValueRules extends SimpleModule {
    /** The largest magnitude any numeric column takes: numeric(16, 3), numeric(14, 4) and numeric(12, 2) all hold it. */
    public static final BigDecimal LARGEST_NUMBER = new BigDecimal("9999999999.99");
    public static final int MOST_DECIMALS = 4;
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    public RequestValueRules() {
        super("hourbill-request-value-rules");
        addDeserializer(String.class, new Text());
        addDeserializer(BigDecimal.class, new Number());
    }

    /** Thrown where a value is well-formed JSON but not acceptable; the problem response carries its message. */
    public static final class UnacceptableValue extends InvalidFormatException {
        UnacceptableValue(JsonParser p, String message, Object value, Class<?> type) {
            super(p, message, value, type);
        }
    }

    private static final class Text extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value != null && CONTROL.matcher(value).find()) {
                throw new UnacceptableValue(p, "contains a control character (such as NUL); only printable text, tabs and line breaks are accepted",
                        value, String.class);
            }
            return value;
        }
    }

    private static final class Number extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            BigDecimal value = super.deserialize(p, ctxt);
            if (value == null) return null;
            if (value.abs().compareTo(LARGEST_NUMBER) > 0) {
                throw new UnacceptableValue(p, "is out of range: at most " + LARGEST_NUMBER.toPlainString() + " in magnitude", value, BigDecimal.class);
            }
            if (value.stripTrailingZeros().scale() > MOST_DECIMALS) {
                throw new UnacceptableValue(p, "has more than " + MOST_DECIMALS + " decimals", value, BigDecimal.class);
            }
            return value;
        }
    }
}
