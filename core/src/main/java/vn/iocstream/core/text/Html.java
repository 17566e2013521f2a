package vn.iocstream.core.text;

/**
 * HTML escaping of text and attribute values (double- or single-quoted): crawled text reaches alerts, e-mails,
 * digests and search snippets, and every one of them escapes it the same way.
 */
public final class Html {
    private Html() {}

    /** {@code s} escaped; null gives the empty string. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        escape(s, 0, s.length(), out);
        return out.toString();
    }

    /** Appends {@code text[from, to)} escaped to {@code out}. */
    public static void escape(CharSequence text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
