package dev.dapkit.samples.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The program {@code dapkit demo} debugs: a shop's stock and what it is worth. The demo finds its
 * breakpoint lines by their text, so the code can be edited freely.
 */
public final class Inventory {

    private final List<String> names = new ArrayList<>();
    private final List<Integer> counts = new ArrayList<>();
    private final List<Integer> pricesInCents = new ArrayList<>();

    /** The stock the demo debugs; tests compute the values the demo must show from it. */
    public static Inventory sample() {
        Inventory inventory = new Inventory();
        inventory.add("apples", 12, 40);
        inventory.add("pears", 7, 55);
        inventory.add("plums", 30, 15);
        inventory.add("figs", 4, 120);
        inventory.add("kiwis", 9, 35);
        return inventory;
    }

    public void add(String name, int count, int priceInCents) {
        names.add(name);
        counts.add(count);
        pricesInCents.add(priceInCents);
    }

    public int size() {
        return names.size();
    }

    public String nameOf(int i) {
        return names.get(i);
    }

    public int valueOf(int i) {
        return counts.get(i) * pricesInCents.get(i);
    }

    public int total() {
        int total = 0;
        for (int i = 0; i < names.size(); i++) {
            int value = valueOf(i);
            total += value;
        }
        return total;
    }

    public static void main(String[] args) {
        Inventory inventory = sample();
        int total = inventory.total();
        System.out.println("stock value of " + inventory.size() + " items: " + total + " cents");
    }
}
