package dev.dapkit.model.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dapkit.model.internal.json.Lsp4jCodecs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomized differential test: JSON texts of LSP4J beans, mutated at random (fixed seeds), read
 * by the fast codec and by the Jackson mapping. Both must accept or both reject every text, and
 * where both accept, the objects must be equal.
 */
class Lsp4jCodecsFuzzTest {

    private static final int CASES_PER_SEED = 5_000;
    private static final ObjectMapper MAPPER = Lsp4jModule.configure(new ObjectMapper());
    private static final Lsp4jCodecs CODECS = new Lsp4jCodecs(MAPPER);

    private final Map<Class<?>, ObjectReader> readers = new HashMap<>();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void fastReaderAndJacksonAgreeOnMutatedBeans(long seed) {
        Random random = new Random(seed);
        List<Class<?>> beans = Lsp4jModelClasses.scan().beans();
        List<String> seeds = new ArrayList<>();
        List<Class<?>> seedTypes = new ArrayList<>();
        for (Class<?> type : beans) {
            for (ModelFiller.Variant variant : ModelFiller.Variant.values()) {
                seeds.add(write(ModelFiller.filled(type, variant)));
                seedTypes.add(type);
            }
        }
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < CASES_PER_SEED; i++) {
            int pick = random.nextInt(seeds.size());
            Class<?> type = seedTypes.get(pick);
            String base = seeds.get(pick);
            if (random.nextInt(8) == 0) {
                type = type.arrayType();
                base = "[" + base + ",null," + base + "]";
            }
            String text = JsonMutations.mutate(base, random);
            if (compare(type, text, seed, i)) {
                accepted++;
            } else {
                rejected++;
            }
        }
        // the mutations must exercise both outcomes, or the test proves little
        assertTrue(accepted > CASES_PER_SEED / 10 && rejected > CASES_PER_SEED / 10,
                "accepted " + accepted + ", rejected " + rejected);
    }

    /** Returns whether both accepted {@code text}; fails when they disagree. */
    private boolean compare(Class<?> type, String text, long seed, int index) {
        byte[] utf8 = text.getBytes(UTF_8);
        Object jackson;
        Exception jacksonError = null;
        try {
            jackson = readers.computeIfAbsent(type, t -> MAPPER.readerFor(t)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).readValue(utf8);
        } catch (Exception e) {
            jackson = null;
            jacksonError = e;
        }
        Object ours;
        RuntimeException ourError = null;
        try {
            ours = CODECS.read(type, utf8, 0, utf8.length);
        } catch (RuntimeException e) {
            ours = null;
            ourError = e;
        }
        String where = "seed " + seed + ", case " + index + ", " + type.getSimpleName() + ": " + text;
        if ((jacksonError == null) != (ourError == null)) {
            fail("disagree on " + where + "\n  Jackson: " + (jacksonError == null ? "accepts" : jacksonError.getMessage())
                    + "\n  ours:    " + (ourError == null ? "accepts" : ourError.getMessage()));
        }
        if (jacksonError == null && !Objects.deepEquals(jackson, ours)) {
            fail("different objects for " + where + "\n  Jackson: " + describe(jackson) + "\n  ours:    " + describe(ours));
        }
        return jacksonError == null;
    }

    private static String describe(Object value) {
        return value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value);
    }

    private static String write(Object value) {
        try {
            return new String(MAPPER.writeValueAsBytes(value), UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
