package vn.iocstream.nlp.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores an {@link EntityExtractor} on a CoNLL-style BIO file: one {@code token TAG} per line (other
 * columns between them are ignored), a blank line between sentences, multi-syllable tokens joined by
 * {@code _}. Tags B-LOC/I-LOC, B-ORG…, B-PER… are read as LOCATION, ORGANIZATION, PERSON; any other
 * type (MISC, or LOCATION written in full) is kept as written.
 *
 * <p>Each sentence's text is its tokens with {@code _} replaced by a space, joined by spaces; predicted
 * entities are mapped back to tokens by character offsets (a token overlapping an entity belongs to
 * it, as BIO can only say), then compared with the gold spans by exact match of start, end and type.
 * Only the types that occur in the gold file are scored, so a file without DATE tags does not count
 * the extractor's dates as errors. Micro average over LOCATION, ORGANIZATION, PERSON.
 */
public final class EntityEvaluation {
    private EntityEvaluation() {}

    /** A span of tokens [start, end) with its type. */
    record Span(int start, int end, String type) {}

    /** A sentence of the file: its tokens and gold spans. */
    record Sentence(List<String> tokens, List<Span> gold) {}


    public static EntityReport evaluate(Path file, EntityExtractor extractor) {
        List<Sentence> sentences = read(file);
        Set<String> goldTypes = new HashSet<>();
        for (Sentence s : sentences) s.gold().forEach(g -> goldTypes.add(g.type()));
        Map<String, int[]> counts = new TreeMap<>();
        for (Sentence s : sentences) {
            StringBuilder text = new StringBuilder();
            int[] starts = new int[s.tokens().size()], ends = new int[s.tokens().size()];
            for (int i = 0; i < starts.length; i++) {
                if (i > 0) text.append(' ');
                starts[i] = text.length();
                text.append(s.tokens().get(i).replace('_', ' '));
                ends[i] = text.length();
            }
            List<Span> predicted = new ArrayList<>();
            for (Entity e : extractor.extract(text.toString())) {
                if (!goldTypes.contains(e.type())) continue;
                Span span = toTokens(e, starts, ends);
                if (span != null && predicted.stream().noneMatch(p -> p.start() < span.end() && span.start() < p.end())) {
                    predicted.add(span);
                }
            }
            Set<Span> gold = new HashSet<>(s.gold());
            for (Span p : predicted) {
                int[] c = counts.computeIfAbsent(p.type(), k -> new int[3]);
                if (gold.remove(p)) c[0]++;
                else c[1]++;
            }
            for (Span missed : gold) counts.computeIfAbsent(missed.type(), k -> new int[3])[2]++;
        }
        Map<String, EntityReport.Counts> out = new LinkedHashMap<>();
        for (String type : EntityReport.SCORED) {
            int[] c = counts.remove(type);
            if (c != null) out.put(type, new EntityReport.Counts(c[0], c[1], c[2]));
        }
        counts.forEach((type, c) -> out.put(type, new EntityReport.Counts(c[0], c[1], c[2])));
        return new EntityReport(out, sentences.size());
    }

    /** The tokens an entity overlaps, or null if it lies in the spaces between tokens. */
    private static Span toTokens(Entity e, int[] starts, int[] ends) {
        int first = -1, last = -1;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] < e.end() && e.start() < ends[i]) {
                if (first < 0) first = i;
                last = i;
            }
        }
        return first < 0 ? null : new Span(first, last + 1, e.type());
    }

    static List<Sentence> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Sentence> out = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("-DOCSTART-")) {
                if (!tokens.isEmpty()) out.add(sentence(tokens, tags));
                tokens = new ArrayList<>();
                tags = new ArrayList<>();
                continue;
            }
            String[] cols = line.split("\\s+");
            tokens.add(cols[0]);
            tags.add(cols.length > 1 ? cols[cols.length - 1] : "O");
        }
        if (!tokens.isEmpty()) out.add(sentence(tokens, tags));
        return out;
    }

    /** BIO to spans; an I- tag without a matching open span starts one (as conlleval does). */
    private static Sentence sentence(List<String> tokens, List<String> tags) {
        List<Span> spans = new ArrayList<>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            String t = tag.length() > 2 && tag.charAt(1) == '-' ? type(tag.substring(2)) : null;
            boolean continues = tag.startsWith("I-") && t.equals(type);
            if (type != null && !continues) {
                spans.add(new Span(start, i, type));
                type = null;
            }
            if (t != null && !continues) {
                start = i;
                type = t;
            }
        }
        return new Sentence(List.copyOf(tokens), spans);
    }

    private static String type(String tag) {
        return switch (tag.toUpperCase(Locale.ROOT)) {
            case "LOC" -> Entity.LOCATION;
            case "ORG" -> Entity.ORGANIZATION;
            case "PER" -> Entity.PERSON;
            default -> tag.toUpperCase(Locale.ROOT);
        };
    }
}
