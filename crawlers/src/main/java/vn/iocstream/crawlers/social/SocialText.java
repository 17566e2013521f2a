package vn.iocstream.crawlers.social;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** Text and times as forum and comment markup carries them. */
public final class SocialText {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** XenForo writes offsets without a colon ("+0700"); JSON APIs usually with one. */
    private static final DateTimeFormatter OFFSET_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd().toFormatter(Locale.ROOT);
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3",
            "h4", "h5", "h6", "table", "tr");
    /** Beyond this an epoch number must be milliseconds (10^11 s is the year 5138). */
    private static final long MAX_EPOCH_SECONDS = 100_000_000_000L;

    private SocialText() {}

    /**
     * The visible text of a post body with its line breaks: {@code <br>} and block ends become newlines, runs of
     * spaces one space, blank lines dropped. Smilies ({@code img.smilie}) count as their alt text (":))" carries
     * sentiment that forum readers see).
     */
    static String lines(Element body) {
        StringBuilder out = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText().replaceAll("[\\s\\u00a0]+", " "));
                } else if (node instanceof Element e) {
                    if (e.nameIs("br")) out.append('\n');
                    else if (e.nameIs("img") && e.hasClass("smilie")) out.append(' ').append(e.attr("alt")).append(' ');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) out.append('\n');
            }
        });
        return tidyLines(out.toString());
    }

    /** Comment APIs return plain text, or HTML with {@code <br>} and entities: either becomes plain text with its lines. */
    static String fromHtml(String maybeHtml) {
        if (maybeHtml == null) return "";
        if (maybeHtml.indexOf('<') >= 0 || maybeHtml.indexOf('&') >= 0) return lines(Jsoup.parseBodyFragment(maybeHtml).body());
        return tidyLines(maybeHtml);
    }

    /** One space between words, no blank lines, no space at either end of a line. */
    private static String tidyLines(String text) {
        return Arrays.stream(text.split("\\R")).map(l -> l.replaceAll("[\\s\\u00a0]+", " ").strip()).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    /**
     * A time as forums and comment APIs give it: Unix epoch seconds or milliseconds (number or digits), ISO-8601 with
     * an offset, or ISO-8601 without one, read as Vietnamese local time. Null if none fits.
     */
    public static Instant time(String value) {
        if (value == null || value.isBlank()) return null;
        String s = value.strip();
        if (s.matches("\\d{9,13}")) {
            long n = Long.parseLong(s);
            return n < MAX_EPOCH_SECONDS ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
        }
        try {
            return OffsetDateTime.parse(s, OFFSET_TIME).toInstant();
        } catch (DateTimeParseException noOffset) {
            // next
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(VIETNAM).toInstant();
        } catch (DateTimeParseException unknown) {
            return null;
        }
    }
}
