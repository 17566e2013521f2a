package vn.iocstream.nlp.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import vn.iocstream.nlp.Fingerprints;
import vn.iocstream.nlp.TextNormalizer;

/**
 * The part of an article body that says which story it is, for its fingerprint: what outlets change when they
 * republish is left out. The crawler gives one line per paragraph; a line is kept when it reads as prose (it ends
 * a sentence and has at least {@link #MIN_SYLLABLES} syllables), which drops bylines ("Minh Hải - Thu Trang"),
 * credits ("Theo TTXVN", "(TTXVN)"), related-link headers and headlines ("Xem thêm:", "Tin liên quan"),
 * intertitles and datelines; a prose line is still dropped when it is a photo caption ("Ảnh: CTV"), a copyright or
 * reprint notice, a channel's plug or a newsroom's contact invitation. Of what remains, the first line, the lead
 * (sapo), is left out when at least two more follow: republishing outlets often rewrite it. A body with no such
 * line (a social post, a body without punctuation) is taken whole.
 */
public final class StoryText {
    private StoryText() {}

    /** Fewer syllables than this in a line is a byline, credit or label, not a paragraph. */
    static final int MIN_SYLLABLES = 8;

    /** Markers of boilerplate in lower case, written as normalised text is (one tone-mark placement). */
    private static final List<String> BOILERPLATE = Stream.of("ảnh:", "(ảnh", "ảnh minh họa", "nguồn ảnh",
            "bản quyền", "©", "copyright", "ghi rõ nguồn", "phát hành lại", "giấy phép",
            "mời quý độc giả", "mời bạn đọc", "tv online", "xin gửi về", "email:", "hotline:").map(TextNormalizer::normalize).toList();

    /** The fingerprint of an article body: {@link Fingerprints#of} the {@link #of story lines}. */
    public static long fingerprint(String body) {
        return Fingerprints.of(of(TextNormalizer.normalize(body)));
    }

    /** The story lines of a normalised body, joined by newlines. */
    public static String of(String body) {
        List<String> kept = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (isProse(line)) kept.add(line);
        }
        if (kept.isEmpty()) return body;
        return String.join("\n", kept.size() >= 3 ? kept.subList(1, kept.size()) : kept);
    }

    private static boolean isProse(String line) {
        String s = line.strip();
        if (s.isEmpty() || !endsSentence(s) || syllables(s) < MIN_SYLLABLES) return false;
        String lower = s.toLowerCase(Locale.ROOT);
        for (String marker : BOILERPLATE) {
            if (lower.contains(marker)) return false;
        }
        return true;
    }

    /** Runs of letters or digits: the syllables of Vietnamese text, counted without tokenising. */
    static int syllables(String s) {
        int count = 0;
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            boolean letter = Character.isLetterOrDigit(s.charAt(i));
            if (letter && !inRun) count++;
            inRun = letter;
        }
        return count;
    }

    /** Ends with . ! ? or …, possibly followed by closing quotes or brackets. */
    private static boolean endsSentence(String s) {
        int i = s.length() - 1;
        while (i > 0 && "\"'”’)»]".indexOf(s.charAt(i)) >= 0) i--;
        return ".!?…".indexOf(s.charAt(i)) >= 0;
    }
}
