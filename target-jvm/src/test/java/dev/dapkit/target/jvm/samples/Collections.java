package dev.dapkit.target.jvm.samples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collections, maps, arrays, strings, boxes and an object with fields, to look at. */
public final class Collections {

    enum Color { RED, GREEN }

    static final class Point {
        final int x;
        final int y;
        String label = "p\"1\"";

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }

        @Override
        public String toString() {
            return "Point(" + x + ", " + y + ")";
        }
    }

    static int counter = 7;

    private Collections() {
    }

    public static void main(String[] args) {
        List<String> names = new ArrayList<>(List.of("ann", "bob", "cy"));
        List<Integer> fixed = List.of(1, 2, 3, 4);
        Map<String, Integer> ages = new LinkedHashMap<>();
        ages.put("ann", 31);
        ages.put("bob", 42);
        Map<Integer, String> hashed = new HashMap<>(Map.of(1, "one"));
        int[] big = new int[2500];
        for (int i = 0; i < big.length; i++) {
            big[i] = i * i;
        }
        Point point = new Point(3, 4);
        Integer boxed = 1234;
        Color color = Color.GREEN;
        char letter = 'x';
        String text = "tab\there";
        long total = names.size() + fixed.size() + ages.size() + hashed.size() + big.length + boxed; // @LOOK
        System.out.println("total " + total + " " + point + " " + color + " " + letter + text + counter);
    }
}
