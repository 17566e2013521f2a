package vn.iocstream.nlp.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import vn.iocstream.nlp.TextNormalizer;

/**
 * Republishes an article as another Vietnamese outlet does: a new headline, sometimes a rewritten lead (sapo), a
 * paragraph cut, a word changed here and there, the outlet's dateline code ("(Dân trí) - ", "TPO - "), a photo
 * caption, a block of related links ("Xem thêm:", "Tin liên quan"), a credit ("Theo TTXVN"), a byline and a
 * copyright footer. Each edit has its own probability per copy ({@link Edits}).
 */
final class Syndicator {
    /**
     * How often each edit is made, per copy. {@code wordEdits} is per paragraph.
     *
     * <p>{@link #MIXED} is what a monitor sees: every copy has a new headline and boilerplate of its outlet, about
     * half rewrite the lead and fewer cut a paragraph. {@link #ALL} is the worst case: every copy makes every edit.
     */
    record Edits(String name, double rewriteLead, double cutParagraph, double wordEdits, double caption, double related,
                 double credit, double byline, double footer) {
        static final Edits MIXED = new Edits("mixed", 0.5, 0.4, 0.2, 0.25, 0.35, 0.4, 0.85, 0.4);
        static final Edits ALL = new Edits("all", 1, 1, 0.2, 1, 1, 1, 1, 1);

        static Edits named(String name) {
            return switch (name) {
                case "mixed" -> MIXED;
                case "all" -> ALL;
                default -> throw new IllegalArgumentException("unknown edits: " + name + " (mixed or all)");
            };
        }
    }

    /** An outlet and the dateline code it puts before the lead (empty when it has none). */
    record Outlet(String name, String code) {}

    /** A headline and its paragraphs, as the crawler extracts them (one line per paragraph). */
    record Article(String title, List<String> paragraphs) {
        String body() {
            return String.join("\n", paragraphs);
        }
    }

    private final Templates templates;
    private final Edits edits;
    private final List<Outlet> outlets = new ArrayList<>();
    private final List<String[]> synonyms = new ArrayList<>();

    Syndicator(Templates templates, Edits edits) {
        this.templates = templates;
        this.edits = edits;
        for (String line : templates.section("outlets")) {
            String[] parts = line.split("\\|", -1);
            outlets.add(new Outlet(parts[0], parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() + " " : ""));
        }
        for (String line : templates.section("synonym")) synonyms.add(line.split("\\|"));
    }

    List<Outlet> outlets() {
        return outlets;
    }

    Outlet outletOtherThan(String name, Random random) {
        while (true) {
            Outlet o = outlets.get(random.nextInt(outlets.size()));
            if (!o.name().equals(name)) return o;
        }
    }

    /**
     * A copy of {@code original} (published by {@code source}) as {@code outlet} republishes it.
     *
     * @param newTitle  the copy's headline
     * @param newLead   a rewritten lead, asked for only when the lead is rewritten
     * @param headlines headlines of other articles, for related links
     */
    Article copy(Article original, String source, Outlet outlet, String newTitle, Supplier<String> newLead,
                 Supplier<String> headlines, Random random) {
        List<String> paragraphs = new ArrayList<>(original.paragraphs());
        if (random.nextDouble() < edits.rewriteLead()) paragraphs.set(0, newLead.get());
        if (random.nextDouble() < edits.cutParagraph() && paragraphs.size() >= 4) {
            paragraphs.remove(1 + random.nextInt(paragraphs.size() - 1));
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            if (random.nextDouble() < edits.wordEdits()) paragraphs.set(i, swapWord(paragraphs.get(i), random));
        }
        paragraphs.set(0, outlet.code() + paragraphs.get(0));
        Map<String, String> slots = Map.of("outlet", outlet.name(), "source", source, "reporter", reporter(random),
                "reporter2", reporter(random), "REPORTER", reporter(random).toUpperCase(Locale.ROOT), "domain", domain(outlet.name()));
        if (random.nextDouble() < edits.caption()) {
            paragraphs.add(1, Templates.fill(templates.pick("caption", random), slots, random));
        }
        if (random.nextDouble() < edits.related()) {
            List<String> block = new ArrayList<>();
            block.add(templates.pick("related.header", random));
            for (int i = 2 + random.nextInt(2), tries = 0; i > 0 && tries < 20; tries++) {
                String h = asHeadline(headlines.get());
                if (!h.equals(original.title()) && !block.contains(h)) {
                    block.add(h);
                    i--;
                }
            }
            int at = random.nextBoolean() ? paragraphs.size() : 1 + paragraphs.size() / 2;
            paragraphs.addAll(at, block);
        }
        if (random.nextDouble() < edits.credit()) {
            paragraphs.add(Templates.fill(templates.pick("credit", random), slots, random));
        }
        if (random.nextDouble() < edits.byline()) {
            String byline = Templates.fill(templates.pick("byline", random), slots, random);
            if (random.nextDouble() < 0.15) paragraphs.add(0, byline);
            else paragraphs.add(byline);
        }
        if (random.nextDouble() < edits.footer()) {
            paragraphs.add(Templates.fill(templates.pick("footer", random), slots, random));
        }
        return new Article(newTitle, paragraphs);
    }

    /** A headline never ends with a full stop (some corpora's title fields hold a sentence). */
    private static String asHeadline(String title) {
        String t = title.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /** One synonym of the paragraph swapped, when it has one: the small edits of a copy desk. */
    private String swapWord(String paragraph, Random random) {
        int start = random.nextInt(synonyms.size());
        for (int k = 0; k < synonyms.size(); k++) {
            String[] pair = synonyms.get((start + k) % synonyms.size());
            for (int side = 0; side < 2; side++) {
                int at = paragraph.indexOf(pair[side]);
                if (at >= 0) {
                    return paragraph.substring(0, at) + pair[1 - side] + paragraph.substring(at + pair[side].length());
                }
            }
        }
        return paragraph;
    }

    private String reporter(Random random) {
        return templates.pick("slot.dem", random) + " " + templates.pick("slot.ten", random);
    }

    private static String domain(String outlet) {
        return TextNormalizer.fold(outlet).replaceAll("[^a-z0-9]", "") + ".vn";
    }
}
