package vn.iocstream.nlp.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.iocstream.core.geo.VietnameseKeys;
import vn.iocstream.nlp.TextNormalizer;

/** The entity word lists shipped next to these classes, normalised like the text they are matched in. */
final class Lexicon {
    private Lexicon() {}

    /** Non-blank, non-comment lines of a resource, normalised (tone placement) and split on tabs. */
    static List<String[]> rows(String name) {
        try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.strip().split("\t");
                for (int i = 0; i < cols.length; i++) cols[i] = TextNormalizer.normalize(cols[i]);
                rows.add(cols);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Ủy ban nhân dân TP.HCM" → "uy-ban-nhan-dan-tp-hcm": folded, non-alphanumerics collapsed to '-'. */
    static String slug(String s) {
        String folded = VietnameseKeys.fold(s);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == '-') out.setLength(out.length() - 1);
        return out.toString();
    }
}
