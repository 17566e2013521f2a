package vn.iocstream.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentence splitting and syllable tokenisation of normalised text (see {@link TextNormalizer}).
 * Vietnamese writes one syllable per space-separated unit, so tokens are syllables; multi-syllable
 * words are put back together by a {@link WordSegmenter}. URLs, e-mail addresses, phone numbers,
 * hashtags, @mentions, abbreviations such as "TP.HCM" and emoji stay single tokens. Stateless.
 */
public final class Tokenizer {
    private Tokenizer() {}

    private static final String ALNUM = "[\\p{L}\\p{M}\\p{N}]";
    private static final String URL_END = "[^\\s<>\"'.,;:!?)\\]}]";
    private static final String EMOJI_CHAR =
            "[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{2300}-\\x{23FF}\\x{2B50}\\x{2B55}]";

    /** One alternative per token type, tried in this order at each position. */
    private static final Pattern TOKEN = Pattern.compile(String.join("|",
            "(?<URL>(?:https?://|www\\.)[^\\s<>\"']*" + URL_END
                    + "|(?<![\\w@.])(?:[a-z0-9-]+\\.)+(?:vn|com|net|org|info|io)(?:/[^\\s<>\"']*" + URL_END + ")?(?![\\w]))",
            "(?<EMAIL>[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[a-zA-Z]{2,})",
            // 0912 345 678, 0912.345.678, 091 234 5678, 024 3825 1234, +84 912 345 678
            "(?<PHONE>(?<![\\p{N}+])(?:\\+84[ .-]?|0)\\p{N}{2,3}(?:[ .-]?\\p{N}{3,4}){2}(?!\\p{N}))",
            "(?<HASHTAG>#" + ALNUM + "[\\p{L}\\p{M}\\p{N}_]*)",
            "(?<MENTION>@" + ALNUM + "(?:[\\p{L}\\p{M}\\p{N}_.]*" + ALNUM + ")?)",
            // TP.HCM, Q.1, P.12: an abbreviation glued to what it abbreviates
            "(?<ABBREVIATION>\\p{Lu}{1,3}\\.(?:\\p{Lu}{2,}|\\p{N}+)(?!" + ALNUM + "))",
            // 5.000, 3,5, 12%; "5k" is a word (5 nghìn), so a number may not run into letters
            "(?<NUMBER>\\p{N}++(?:[.,]\\p{N}++)*+%?+(?![\\p{L}\\p{M}]))",
            "(?<WORD>" + ALNUM + "*\\p{L}[\\p{L}\\p{M}\\p{N}]*)",
            "(?<EMOJI>(?:[\\x{1F1E6}-\\x{1F1FF}]{2}|" + EMOJI_CHAR + ")[\\x{FE0F}\\x{1F3FB}-\\x{1F3FF}]*)",
            "(?<PUNCT>\\.{2,}|\\S)"));

    private static final Token.Type[] TYPES = Token.Type.values();

    static {
        // tokens() finds the type by group number: the named groups must be the only capturing groups,
        // in the order of Token.Type.
        if (TOKEN.matcher("").groupCount() != TYPES.length) throw new AssertionError("TOKEN groups != Token.Type");
    }

    /** Punctuation that ends a sentence, and what may trail it (closing quotes and brackets). */
    private static final Set<String> SENTENCE_END = Set.of(".", "!", "?", "…");
    private static final Set<String> TRAILING = Set.of(".", "!", "?", "…", "\"", "'", "”", "’", ")", "»", "]");
    /** Abbreviations after which a full stop does not end the sentence ("TS. Nguyễn Văn A", "Q. 3"). */
    private static final Set<String> ABBREVIATIONS =
            Set.of("tp", "q", "p", "tx", "tt", "ts", "ths", "pgs", "gs", "bs", "ks", "ls", "mr", "mrs", "st");

    /** Tokens of {@code text} in order, whitespace dropped. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>(text.length() / 4);
        Matcher m = null;
        int n = text.length();
        int pos = 0;
        while (true) {
            while (pos < n && isRegexSpace(text.charAt(pos))) pos++;
            if (pos == n) return out;
            int end = plainWordEnd(text, pos);
            if (end > pos) {
                out.add(new Token(text.substring(pos, end), Token.Type.WORD, pos, end));
            } else if ((end = plainNumberEnd(text, pos)) > pos) {
                out.add(new Token(text.substring(pos, end), Token.Type.NUMBER, pos, end));
            } else if (SINGLE_PUNCT.indexOf(text.charAt(pos)) >= 0 || text.charAt(pos) == '.' && endsOrSpaceAt(text, pos + 1)) {
                end = pos + 1;
                out.add(new Token(text.substring(pos, end), Token.Type.PUNCT, pos, end));
            } else {
                if (m == null) m = TOKEN.matcher(text);
                // Every non-space character starts a match (PUNCT takes any), so this one starts at pos.
                m.find(pos);
                int g = 1; // start(int) is an array read; group(String) looked the name up and copied the text
                while (m.start(g) < 0) g++;
                end = m.end();
                out.add(new Token(m.group(), TYPES[g - 1], pos, end));
            }
            pos = end;
        }
    }

    /**
     * Most tokens are plain syllables and punctuation; running the ten-way pattern on each dominated
     * tokenisation, so they are recognised here and the pattern runs only on the rest. A run of
     * letters, marks and digits that starts with a letter is a WORD when what follows cannot make it
     * part of anything the pattern tries before WORD (URL, e-mail, phone, hashtag, mention,
     * abbreviation, number): the end of the text, a space, {@link #WORD_FOLLOWERS}, or a full stop or
     * colon (http:) followed by a space or the end. Returns the run's end, or {@code start} if the
     * pattern must decide. Likewise a lone full stop (not "...", not ".abc@…") is PUNCT.
     */
    private static int plainWordEnd(String text, int start) {
        int n = text.length();
        int cp = text.codePointAt(start);
        if (!Character.isLetter(cp)) return start;
        int end = start + Character.charCount(cp);
        while (end < n) {
            char c = text.charAt(end);
            if (c < 0x80) { // of ASCII, letters and digits continue a word and nothing else does
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) break;
                end++;
                continue;
            }
            cp = text.codePointAt(end);
            int type = Character.getType(cp);
            if (!Character.isLetter(cp) && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK && type != Character.DECIMAL_DIGIT_NUMBER
                    && type != Character.LETTER_NUMBER && type != Character.OTHER_NUMBER) {
                break;
            }
            end += Character.charCount(cp);
        }
        if (end == n) return end;
        char next = text.charAt(end);
        if (isRegexSpace(next) || WORD_FOLLOWERS.indexOf(next) >= 0) return end;
        return (next == '.' || next == ':') && endsOrSpaceAt(text, end + 1) ? end : start;
    }

    /**
     * The same for numbers: ASCII digits not starting with 0 (which may start a phone number) are a
     * NUMBER of exactly those digits when followed by the end of the text, a space,
     * {@link #NUMBER_FOLLOWERS}, or a full stop or comma followed by a space or the end (so not 5.000,
     * 3,5, 12%, 5k, an e-mail name or a domain).
     */
    private static int plainNumberEnd(String text, int start) {
        int n = text.length();
        char c = text.charAt(start);
        if (c < '1' || c > '9') return start;
        int end = start + 1;
        while (end < n && (c = text.charAt(end)) >= '0' && c <= '9') end++;
        if (end == n) return end;
        char next = text.charAt(end);
        if (isRegexSpace(next) || NUMBER_FOLLOWERS.indexOf(next) >= 0) return end;
        return (next == '.' || next == ',') && endsOrSpaceAt(text, end + 1) ? end : start;
    }

    private static boolean endsOrSpaceAt(String text, int i) {
        return i == text.length() || isRegexSpace(text.charAt(i));
    }

    /** Characters after a word that no pattern before WORD can continue with. */
    private static final String WORD_FOLLOWERS = ",;!?)/\"”…";
    /** Characters after digits that no pattern before NUMBER, nor NUMBER itself, can continue with. */
    private static final String NUMBER_FOLLOWERS = ";:!?)/\"”…";
    /** Punctuation that is a one-character PUNCT token wherever it stands: no other pattern starts with it. */
    private static final String SINGLE_PUNCT = ",;:!?()/\"“”–—";

    /** Whitespace as {@code \\s} of the token pattern sees it (not Unicode spaces, which are punctuation there). */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /**
     * Sentences of {@code text}: split after . ! ? … (with any trailing quotes) followed by whitespace,
     * and at line breaks. Full stops inside tokens (TP.HCM, 5.000, 3.5, Q.1, URLs) never split.
     */
    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            List<Token> tokens = tokens(paragraph);
            int start = 0;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.type() != Token.Type.PUNCT || !endsSentence(t.text()) || afterAbbreviation(tokens, i)) continue;
                int j = i;
                while (j + 1 < tokens.size() && TRAILING.contains(tokens.get(j + 1).text())
                        && tokens.get(j + 1).start() == tokens.get(j).end()) {
                    j++;
                }
                boolean spaceAfter = j + 1 == tokens.size() || tokens.get(j + 1).start() > tokens.get(j).end();
                if (!spaceAfter) continue;
                add(out, paragraph.substring(start, tokens.get(j).end()));
                start = tokens.get(j).end();
                i = j;
            }
            add(out, paragraph.substring(start));
        }
        return out;
    }

    /**
     * The lower-case syllables without diacritics of the word-like tokens and hashtags, the unit of fingerprints:
     * the runs of letters and digits of each one folded ("TP.HCM" gives "tp", "hcm").
     */
    public static List<String> foldedSyllables(List<Token> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (t.isWordLike() || t.type() == Token.Type.HASHTAG) {
                addLetterDigitRuns(TextNormalizer.fold(t.text()), out);
            }
        }
        return out;
    }

    /** Adds the runs of letters and digits of {@code s}: what splitting on {@code [^\\p{L}\\p{N}]+} keeps. */
    private static void addLetterDigitRuns(String s, List<String> out) {
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean keep;
            if (cp < 0x80) { // folded text is mostly ASCII, whose letters and digits are these
                keep = cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
            } else {
                int type = Character.getType(cp);
                keep = Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER
                        || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
            }
            if (keep && start < 0) start = i;
            if (!keep && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) out.add(start == 0 ? s : s.substring(start));
    }

    private static boolean endsSentence(String punct) {
        return SENTENCE_END.contains(punct) || punct.startsWith("..");
    }

    private static boolean afterAbbreviation(List<Token> tokens, int i) {
        if (i == 0 || !tokens.get(i).text().equals(".")) return false;
        Token prev = tokens.get(i - 1);
        return prev.end() == tokens.get(i).start() && prev.type() == Token.Type.WORD
                && ABBREVIATIONS.contains(prev.text().toLowerCase(Locale.ROOT));
    }

    private static void add(List<String> out, String sentence) {
        String s = sentence.strip();
        if (!s.isEmpty()) out.add(s);
    }
}
