package vn.iocstream.nlp.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.iocstream.nlp.TextNormalizer;
import vn.iocstream.nlp.entity.EntityEvaluation.Sentence;
import vn.iocstream.nlp.entity.EntityEvaluation.Span;

/**
 * Reads the CoNLL-style NER files other people publish: one token per line with its columns separated by
 * tabs (a token may then hold spaces) or by spaces, a blank line (or {@code -DOCSTART-}) between
 * sentences, comment lines such as {@code # sent_id = 3} skipped, a UTF-8 byte-order mark ignored. Words
 * of several syllables may be joined by {@code _} ("Hà_Nội"). Extra columns (POS, chunk, a second level
 * of nested entities as in VLSP 2016) are allowed: the tag column is the one, after the token, whose every
 * value is a tag and that holds the most LOC/ORG/PER tags (VLSP's first level has more than its nested
 * second), unless a column is given. Tags: {@code O}; {@code B-}, {@code I-}, {@code E-}/{@code L-},
 * {@code S-}/{@code U-} (IOB1, IOB2, BIOES, BILOU; either case) before a type; or a bare type (IO). Types {@code LOC},
 * {@code LOCATION}, {@code GPE}; {@code ORG}, {@code ORGANIZATION}, {@code ORGANISATION}; {@code PER},
 * {@code PERSON} are scored, others (MISC…) counted apart. An {@code I-} after another type starts a span,
 * as conlleval reads it.
 */
public final class ConllFile {
    private ConllFile() {}

    private static final Map<String, String> TYPES = Map.of("LOC", Entity.LOCATION, "LOCATION", Entity.LOCATION, "GPE", Entity.LOCATION,
            "ORG", Entity.ORGANIZATION, "ORGANIZATION", Entity.ORGANIZATION, "ORGANISATION", Entity.ORGANIZATION,
            "PER", Entity.PERSON, "PERSON", Entity.PERSON);
    private static final Pattern TAG = Pattern.compile("(?i)O|[BIESLU]-\\S+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The sentences of {@code file}, the tag column found as described above. */
    public static List<Sentence> read(Path file) {
        return read(file, 0);
    }

    /**
     * @param tagColumn 1-based column of the tags (the token is column 1), or 0 to find it
     * @throws IllegalArgumentException if the file has no tag column, or {@code tagColumn} is not one
     */
    public static List<Sentence> read(Path file, int tagColumn) {
        List<List<String[]>> raw = rows(file);
        int column = tagColumn > 0 ? tagColumn - 1 : tagColumn(raw);
        List<Sentence> out = new ArrayList<>(raw.size());
        for (List<String[]> rows : raw) {
            List<String> tokens = new ArrayList<>(rows.size()), tags = new ArrayList<>(rows.size());
            for (String[] row : rows) {
                if (column >= row.length || !isTag(row[column])) {
                    throw new IllegalArgumentException("column " + (column + 1) + " is not a tag in the line: " + String.join(" ", row));
                }
                tokens.add(row[0]);
                tags.add(row[column]);
            }
            out.add(sentence(tokens, tags));
        }
        return out;
    }

    /** Token rows grouped by sentence; comment lines left out. */
    private static List<List<String[]>> rows(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String[]>> out = new ArrayList<>();
        List<String[]> sentence = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("\uFEFF")) line = line.substring(1);
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("-DOCSTART-")) {
                if (!sentence.isEmpty()) out.add(sentence);
                sentence = new ArrayList<>();
                continue;
            }
            String[] cols = line.indexOf('\t') >= 0 ? line.split("\t") : SPACES.split(stripped);
            for (int i = 0; i < cols.length; i++) cols[i] = cols[i].strip();
            if (stripped.startsWith("#") && !hasTag(cols)) continue;
            sentence.add(cols);
        }
        if (!sentence.isEmpty()) out.add(sentence);
        return out;
    }

    private static boolean hasTag(String[] cols) {
        for (int i = 1; i < cols.length; i++) if (isTag(cols[i])) return true;
        return false;
    }

    private static boolean isTag(String value) {
        return TAG.matcher(value).matches() || TYPES.containsKey(value.toUpperCase(Locale.ROOT));
    }

    /** The column (0-based, after the token) of tags holding the most scored entity tags. */
    private static int tagColumn(List<List<String[]>> sentences) {
        int width = Integer.MAX_VALUE;
        for (List<String[]> rows : sentences) for (String[] row : rows) width = Math.min(width, row.length);
        int best = -1, bestCount = -1;
        for (int c = 1; c < width; c++) {
            int scored = 0;
            boolean tags = true;
            for (List<String[]> rows : sentences) {
                for (String[] row : rows) {
                    if (!isTag(row[c])) tags = false;
                    else if (TYPES.containsKey(type(row[c]))) scored++;
                }
            }
            if (tags && scored > bestCount) {
                best = c;
                bestCount = scored;
            }
        }
        if (best < 0) throw new IllegalArgumentException("no column of NER tags (O, B-LOC, I-PER …) after the token");
        return best;
    }

    /** The type of a tag, upper case ("B-Loc" → "LOC"), or "" for O. */
    private static String type(String tag) {
        if (tag.equalsIgnoreCase("O")) return "";
        return (tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(2) : tag).toUpperCase(Locale.ROOT);
    }

    /** The sentence's text (tokens normalised, "_" read as a space, joined by spaces), units and spans. */
    private static Sentence sentence(List<String> tokens, List<String> tags) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[tokens.size()], ends = new int[tokens.size()];
        for (int i = 0; i < starts.length; i++) {
            String token = tokens.get(i);
            String words = token.replace('_', ' ').strip();
            String normal = TextNormalizer.normalize(words.isEmpty() ? token : words);
            if (i > 0) text.append(' ');
            starts[i] = text.length();
            text.append(normal.isBlank() ? token : normal);
            ends[i] = text.length();
        }
        List<Span> gold = new ArrayList<>(), other = new ArrayList<>();
        for (Span span : spans(tags)) {
            String scored = TYPES.get(span.type());
            if (scored != null) gold.add(new Span(span.start(), span.end(), scored));
            else other.add(span);
        }
        return new Sentence(text.toString(), starts, ends, gold, other);
    }

    /** Tags to spans of their written type (upper case). */
    static List<Span> spans(List<String> tags) {
        List<Span> spans = new ArrayList<>();
        int start = -1;
        String open = null;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            String type = type(tag);
            char mark = tag.length() > 2 && tag.charAt(1) == '-' ? Character.toUpperCase(tag.charAt(0)) : type.isEmpty() ? 'O' : 'I';
            boolean continues = open != null && type.equals(open) && (mark == 'I' || mark == 'E' || mark == 'L');
            if (open != null && !continues) {
                spans.add(new Span(start, i, open));
                open = null;
            }
            if (!type.isEmpty() && !continues) {
                start = i;
                open = type;
            }
            if (open != null && (mark == 'E' || mark == 'L' || mark == 'S' || mark == 'U')) {
                spans.add(new Span(start, i + 1, open));
                open = null;
            }
        }
        return spans;
    }
}
