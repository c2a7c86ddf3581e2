package dev.dapkit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.i18n.MessageSource;
import java.math.BigInteger;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Map;

/**
 * The integer formats the DAP schema uses ({@code int32}, {@code int64}, {@code uint32},
 * {@code uint64}), which JSON Schema itself does not define. Without them a {@code seq} of
 * 3000000000 would pass although no Java, C# or TypeScript-int32 peer can hold it.
 *
 * <p>Only integral numbers are range-checked: a value of another JSON type, or a fraction, is
 * already reported by the {@code type} keyword next to the {@code format}.
 */
enum IntegerFormat implements Format {
    INT32("int32", BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)),
    INT64("int64", BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)),
    UINT32("uint32", BigInteger.ZERO, BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE)),
    UINT64("uint64", BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));

    private final String formatName;
    private final BigInteger min;
    private final BigInteger max;

    IntegerFormat(String formatName, BigInteger min, BigInteger max) {
        this.formatName = formatName;
        this.min = min;
        this.max = max;
    }

    @Override
    public String getName() {
        return formatName;
    }

    @Override
    public String getMessageKey() {
        return "dapkit.format." + formatName;
    }

    /**
     * The messages of these formats, in front of {@code fallback} for every other key: the
     * validator's stock text for a format ("does not match the int32 pattern") does not say
     * what the range is.
     */
    static MessageSource messagesBefore(MessageSource fallback) {
        Map<String, String> own = new HashMap<>();
        for (IntegerFormat format : values()) {
            // {0} is the instance location; the text has no other braces or quotes for MessageFormat
            own.put(format.getMessageKey(), "{0}: out of range for " + format.formatName
                    + " (an integer from " + format.min + " to " + format.max + ")");
        }
        return (key, defaultMessage, locale, args) -> {
            String pattern = own.get(key);
            return pattern == null
                    ? fallback.getMessage(key, defaultMessage, locale, args)
                    : new MessageFormat(pattern, locale).format(args);
        };
    }

    @Override
    public boolean matches(ExecutionContext executionContext, ValidationContext validationContext, JsonNode value) {
        if (!value.isIntegralNumber()) {
            return true;
        }
        BigInteger v = value.bigIntegerValue();
        return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
    }
}
