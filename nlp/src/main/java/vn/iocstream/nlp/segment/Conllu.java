package vn.iocstream.nlp.segment;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a CoNLL-U file that word segmentation needs: each sentence's raw text ({@code # text =})
 * and the FORM of its syntactic words. Multiword-token ranges (1-2) and empty nodes (1.1) are skipped.
 * In UD Vietnamese a multi-syllable word is one FORM with spaces ("hải quân").
 */
final class Conllu {
    private Conllu() {}

    record Sentence(String text, List<String> words) {}

    static List<Sentence> read(Path file) throws IOException {
        List<Sentence> out = new ArrayList<>();
        String text = null;
        List<String> words = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    add(out, text, words, file);
                    text = null;
                    words = new ArrayList<>();
                } else if (line.startsWith("# text =")) {
                    text = line.substring("# text =".length()).strip();
                } else if (!line.startsWith("#")) {
                    String[] cols = line.split("\t");
                    if (cols.length < 2) throw new IOException(file + ": not a CoNLL-U token line: " + line);
                    if (cols[0].contains("-") || cols[0].contains(".")) continue;
                    words.add(cols[1]);
                }
            }
        }
        add(out, text, words, file);
        return out;
    }

    private static void add(List<Sentence> out, String text, List<String> words, Path file) throws IOException {
        if (words.isEmpty()) return;
        if (text == null) throw new IOException(file + ": sentence without '# text =' before word " + words.get(0));
        out.add(new Sentence(text, List.copyOf(words)));
    }
}
