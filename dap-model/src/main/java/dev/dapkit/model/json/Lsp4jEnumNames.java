package dev.dapkit.model.json;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.debug.ChecksumAlgorithm;
import org.eclipse.lsp4j.debug.ColumnDescriptorType;

/**
 * The wire names of one LSP4J enum, as LSP4J's {@code DebugEnumTypeAdapter} computes them:
 * {@code UPPER_SNAKE} constants become {@code lowerCamel} strings, except the constants that carry a
 * Gson {@code @SerializedName}. Gson is not on dapkit's class path, so those names are listed here.
 *
 * <p>Immutable and thread-safe.
 */
final class Lsp4jEnumNames<E extends Enum<E>> {

    /** Every {@code @SerializedName} on an enum constant in LSP4J Debug 0.24.0. */
    private static final Map<Enum<?>, String> SERIALIZED_NAMES = Map.of(
            ChecksumAlgorithm.MD5, "MD5",
            ChecksumAlgorithm.SHA1, "SHA1",
            ChecksumAlgorithm.SHA256, "SHA256",
            ColumnDescriptorType.UNIX_TIMESTAMP_UTC, "unixTimestampUTC");

    private final Class<E> type;
    private final SerializedString[] byOrdinal;
    private final Map<String, E> byName;

    private Lsp4jEnumNames(Class<E> type) {
        this.type = type;
        E[] constants = type.getEnumConstants();
        this.byOrdinal = new SerializedString[constants.length];
        this.byName = new HashMap<>(constants.length * 2);
        for (E constant : constants) {
            String name = wireName(constant);
            byOrdinal[constant.ordinal()] = new SerializedString(name);
            byName.put(name, constant);
        }
    }

    static <E extends Enum<E>> Lsp4jEnumNames<E> of(Class<E> type) {
        return new Lsp4jEnumNames<>(type);
    }

    /**
     * Whether {@code type} is an enum of LSP4J Debug, the only enums written this way: other enums
     * keep Jackson's handling, and LSP4J's language-server enums are numbers on the wire.
     */
    static boolean isDebugEnum(Class<?> type) {
        return type.isEnum() && type.getName().startsWith("org.eclipse.lsp4j.debug.");
    }

    Class<E> type() {
        return type;
    }

    SerializedString wireName(int ordinal) {
        return byOrdinal[ordinal];
    }

    /** The constant written as {@code name}, or null: LSP4J only knows the exact wire names. */
    E constant(String name) {
        return byName.get(name);
    }

    /** The wire names, quoted, for error messages. */
    String knownNames() {
        return Arrays.stream(byOrdinal).map(s -> '"' + s.getValue() + '"').collect(Collectors.joining(", "));
    }

    static String wireName(Enum<?> constant) {
        String explicit = SERIALIZED_NAMES.get(constant);
        return explicit != null ? explicit : lowerCamel(constant.name());
    }

    /**
     * LSP4J lower-cases the name, upper-cases each letter that follows an underscore and then drops
     * every underscore; an underscore before a digit is dropped without changing anything.
     */
    static String lowerCamel(String constantName) {
        String lower = constantName.toLowerCase(Locale.ROOT);
        StringBuilder camel = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c != '_') {
                camel.append(c);
            } else if (i + 1 < lower.length() && lower.charAt(i + 1) >= 'a' && lower.charAt(i + 1) <= 'z') {
                camel.append(Character.toUpperCase(lower.charAt(++i)));
            }
        }
        return camel.toString();
    }
}
