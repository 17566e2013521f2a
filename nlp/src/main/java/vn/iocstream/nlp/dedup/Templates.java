package vn.iocstream.nlp.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The sections of {@code syndication.txt} and the filling of its items: {@code {slot}} takes the slot's value,
 * {@code {a|b|c}} one of the choices (drawn from the given random, so a seed gives the same text).
 */
final class Templates {
    private final Map<String, List<String>> sections;

    private Templates(Map<String, List<String>> sections) {
        this.sections = sections;
    }

    static Templates load() {
        try (InputStream in = Templates.class.getResourceAsStream("syndication.txt")) {
            if (in == null) throw new IllegalStateException("missing resource syndication.txt");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, List<String>> sections = new LinkedHashMap<>();
            List<String> current = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
                } else if (current != null) {
                    current.add(line.strip());
                }
            }
            return new Templates(sections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The items of a section; an unknown section is a bug in the generator. */
    List<String> section(String name) {
        List<String> items = sections.get(name);
        if (items == null) throw new IllegalArgumentException("no section [" + name + "] in syndication.txt");
        return items;
    }

    String pick(String section, Random random) {
        List<String> items = section(section);
        return items.get(random.nextInt(items.size()));
    }

    /** Fills slots and choices; the first letter is upper-cased, as a sentence or headline starts. */
    static String fill(String template, Map<String, String> slots, Random random) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) throw new IllegalArgumentException("unclosed { in: " + template);
            out.append(template, i, open);
            String inside = template.substring(open + 1, close);
            if (inside.indexOf('|') >= 0) {
                String[] choices = inside.split("\\|", -1);
                out.append(choices[random.nextInt(choices.length)]);
            } else {
                String value = slots.get(inside);
                if (value == null) throw new IllegalArgumentException("no slot {" + inside + "} for: " + template);
                out.append(value);
            }
            i = close + 1;
        }
        // A dropped optional word leaves a double space.
        String s = out.toString().replaceAll(" {2,}", " ").replace(" ,", ",").strip();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
