package vn.iocstream.crawlers.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authors' names from what pages print where the author belongs: a JSON-LD or meta value, a byline, a closing
 * signature. Each is cleaned ("Tác giả:", e-mail addresses and roles such as "(tổng hợp)" go), split into names
 * ("A - B", "A và B", "A, B"), and each name validated: a person or a desk, never the site, its CMS, a URL or a
 * sentence. A credit "Theo X" is kept as one entry of its own, as printed, so that a syndicated story says so.
 */
final class Bylines {
    private static final int MAX_NAME_CHARS = 60;
    private static final int MAX_NAME_WORDS = 6;
    /** What CMSes and templates put in author fields that is nobody's name (folded). */
    private static final Set<String> NOT_NAMES = Set.of("admin", "administrator", "webmaster", "root", "editor", "author",
            "unknown", "anonymous", "guest", "null", "undefined", "quan tri", "quan tri vien", "vccorp", "tac gia",
            "theo doi", "tin tuc", "nguon", "bai viet");
    private static final Pattern EMAIL = Pattern.compile("(?:e-?mail\\s*:?\\s*)?[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    /** A label before the names: "Tác giả:", "Bài và ảnh:", "PV:", "By". */
    private static final Pattern LABEL = Pattern.compile("^(?:(?:tác giả|bài\\s*(?:và|,|/|&)\\s*ảnh|bài|ảnh|thực hiện|"
            + "nhóm thực hiện|người viết|phóng viên|pv|by|written by)\\s*[:：]\\s*|by\\s+(?=\\p{Lu}))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A follow button's label inside a byline box. */
    private static final Pattern FOLLOW = Pattern.compile("\\b(?:theo dõi|follow)\\b\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PARENTHESIS = Pattern.compile("\\(([^()]*)\\)");
    /** "Theo TTXVN" at the start or after a separator: the rest is the credit. */
    private static final Pattern CREDIT = Pattern.compile("(?:^|[-–—,;|/]\\s*|\\s)theo\\s+(.+)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SEPARATORS = Pattern.compile("\\s+[-–—]\\s+|\\s*[–—|;/&,]\\s*|\\s+(?:và|and)\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DOMAIN = Pattern.compile("[\\w-]+\\.(?:vn|com|net|org|info|gov|edu|biz)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final String NAME = "\\p{Lu}[\\p{L}.'’]*(?:\\s+\\p{Lu}[\\p{L}.'’]*){0,4}";
    /**
     * A closing line that is only a signature: one to five capitalised names joined by "-", ",", "và", an optional
     * note in brackets ("(tổng hợp)", "(Theo Reuters)"), or a credit "Theo X" alone.
     */
    private static final Pattern SIGNATURE = Pattern.compile("(?:" + NAME + "(?:\\s*(?:[-–—,&/]|\\svà\\s)\\s*" + NAME + "){0,4}"
            + "(?:\\s*\\([^()]{2,60}\\))?|\\(?[Tt]heo\\s+[^()]{2,50}\\)?)");
    private static final int MAX_SIGNATURE_CHARS = 100;
    private static final Pattern CREDIT_END = Pattern.compile("[.)\\]]+$");
    /** Punctuation around a name: leading, trailing (but an initial's full stop), a lone full stop at the end. */
    private static final Pattern NAME_EDGES = Pattern.compile("^[\\p{P}\\s]+|[\\p{P}&&[^.)]]+$|\\s+\\.$");

    private Bylines() {}

    /** The names in a byline or an author field, cleaned and validated, in order; empty when none is a name. */
    static List<String> names(String raw, SiteNames site) {
        if (raw == null || raw.isBlank()) return List.of();
        String s = MainContentExtractor.collapseWhitespace(Normalizer.normalize(raw, Normalizer.Form.NFC));
        s = EMAIL.matcher(s).replaceAll(" ");
        s = LABEL.matcher(s).replaceFirst("");
        s = FOLLOW.matcher(s).replaceFirst("").strip();
        List<String> credits = new ArrayList<>();
        // Notes in brackets: a credit "(Theo AFP)" is kept, a role "(tổng hợp)", "(CTV)" is not a name.
        Matcher p = PARENTHESIS.matcher(s);
        StringBuilder rest = new StringBuilder();
        while (p.find()) {
            String note = p.group(1).strip();
            if (note.regionMatches(true, 0, "theo ", 0, 5)) credits.add(credit(note.substring(5)));
            p.appendReplacement(rest, " ");
        }
        p.appendTail(rest);
        s = rest.toString().strip();
        Matcher c = CREDIT.matcher(s);
        if (c.find()) {
            credits.add(0, credit(c.group(1)));
            s = s.substring(0, c.start());
        }
        List<String> names = new ArrayList<>();
        for (String part : SEPARATORS.split(s)) {
            String name = valid(part, site);
            if (name != null && !names.contains(name)) names.add(name);
        }
        for (String credit : credits) {
            if (credit != null && !names.contains(credit)) names.add(credit);
        }
        return names;
    }

    /**
     * The names of a closing signature line ("Hà Thu (tổng hợp)", "Minh Tâm - Quốc Huy", "Theo TTXVN"), or an empty
     * list when the line is not one: a single word that is not an abbreviation ("Hết") is no signature.
     */
    static List<String> signature(String line, SiteNames site) {
        String s = line.strip();
        if (s.length() > MAX_SIGNATURE_CHARS || !SIGNATURE.matcher(s).matches()) return List.of();
        if (!s.contains(" ") && !s.equals(s.toUpperCase(java.util.Locale.ROOT))) return List.of();
        return names(s, site);
    }

    /** "Theo " and the source as printed, or null when the source is no name. */
    private static String credit(String source) {
        String s = CREDIT_END.matcher(source.strip()).replaceAll("");
        if (s.isEmpty() || s.length() > MAX_NAME_CHARS || s.contains("http") || s.contains("@")) return null;
        return "Theo " + s;
    }

    /** The cleaned name, or null when it is no person's or desk's name. */
    static String valid(String part, SiteNames site) {
        String s = NAME_EDGES.matcher(part.strip()).replaceAll("").strip();
        if (s.length() < 2 || s.length() > MAX_NAME_CHARS || s.split(" ").length > MAX_NAME_WORDS) return null;
        if (!Character.isLetter(s.charAt(0)) || !Character.isUpperCase(s.charAt(0))) return null;
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) return null;
        if (s.contains("@") || s.contains("/") || s.toLowerCase(java.util.Locale.ROOT).contains("http")) return null;
        if (DOMAIN.matcher(s).find()) return null;
        if (NOT_NAMES.contains(String.join(" ", SiteNames.words(s)))) return null;
        if (site.isSite(s)) return null;
        return s;
    }
}
