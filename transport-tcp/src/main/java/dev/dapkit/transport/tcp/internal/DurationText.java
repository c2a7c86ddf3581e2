package dev.dapkit.transport.tcp.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write and read them: {@code 250ms}, {@code 30s}, {@code 2m}. */
public final class DurationText {

    private static final Pattern TEXT = Pattern.compile("([0-9]{1,9})(ms|s|m)");

    private DurationText() {
    }

    /** A short form for messages: {@code 250 ms}, {@code 30 s}, {@code 1.5 s}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /**
     * Reads {@code <digits>ms}, {@code <digits>s} or {@code <digits>m}.
     *
     * @param what names the value in the error
     * @throws IllegalArgumentException when the text is not in one of those forms
     */
    public static Duration parse(String text, String what) {
        Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a duration; write e.g. 500ms, 30s or 2m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
