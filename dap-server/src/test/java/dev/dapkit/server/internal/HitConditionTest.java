package dev.dapkit.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HitConditionTest {

    /** Which of the hits 1..6 fire. */
    private static List<Integer> firing(String text) {
        HitCondition c = HitCondition.parse(text);
        List<Integer> hits = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            if (c.test(i)) {
                hits.add(i);
            }
        }
        return hits;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            ">= 3 | [3, 4, 5, 6]",
            "3    | [3, 4, 5, 6]",
            "> 3  | [4, 5, 6]",
            "==3  | [3]",
            "= 3  | [3]",
            "<= 2 | [1, 2]",
            "< 2  | [1]",
            "% 2  | [2, 4, 6]",
            "%3   | [3, 6]"})
    void firesOnTheRightHits(String condition, String expected) {
        assertEquals(expected, firing(condition).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"often", ">=", "3.5", "-1", ">= x", "% 0", ""})
    void malformedConditionsSayWhatIsExpected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HitCondition.parse(text));
        assertTrue(e.getMessage().startsWith("hit condition '" + text + "' is not valid"), e.getMessage());
    }
}
