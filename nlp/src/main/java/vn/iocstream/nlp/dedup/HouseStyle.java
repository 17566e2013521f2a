package vn.iocstream.nlp.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The wording of one newsroom: of each group of interchangeable words ({@code [style]} in {@code syndication.txt}),
 * an article uses one wherever any of them appears in lower case, so that two generated reports of one kind of event
 * share the press's formulae without sharing every word, as real reports by different reporters do.
 */
final class HouseStyle {
    /** Every variant, longest first (a variant may begin another), with its group. */
    private final List<Map.Entry<String, Integer>> variants = new ArrayList<>();
    private final List<String[]> groups = new ArrayList<>();

    HouseStyle(List<String> lines) {
        for (String line : lines) {
            String[] group = line.split("\\|");
            for (String v : group) variants.add(Map.entry(v, groups.size()));
            groups.add(group);
        }
        variants.sort(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getKey().length()).reversed());
    }

    /** A style drawn at random: it rewrites whole words only (a variant inside a longer word is left alone). */
    UnaryOperator<String> draw(Random random) {
        String[] chosen = new String[groups.size()];
        for (int g = 0; g < chosen.length; g++) chosen[g] = groups.get(g)[random.nextInt(groups.get(g).length)];
        return text -> {
            StringBuilder out = new StringBuilder(text.length() + 16);
            int i = 0;
            outer:
            while (i < text.length()) {
                if (i == 0 || !Character.isLetter(text.charAt(i - 1))) {
                    for (Map.Entry<String, Integer> v : variants) {
                        int end = i + v.getKey().length();
                        if (text.startsWith(v.getKey(), i) && (end == text.length() || !Character.isLetter(text.charAt(end)))) {
                            out.append(chosen[v.getValue()]);
                            i = end;
                            continue outer;
                        }
                    }
                }
                out.append(text.charAt(i++));
            }
            return out.toString();
        };
    }
}
