package vn.iocstream.crawlers;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decides how a fetched body is decoded, on bytes alone (no HTTP): byte-order mark, then the HTTP header's
 * charset, then the document's own {@code <meta>} / {@code <?xml encoding>}, then detection, then UTF-8.
 *
 * <p>Detection: juniversalchardet has no Vietnamese model: on windows-1258 text it reports nothing, and on a
 * sentence or two it guesses ISO-8859-5 or -7. So before asking it, two cheaper and surer checks run: bytes
 * that decode as strict UTF-8 are UTF-8, and bytes that look like windows-1258 Vietnamese (see
 * {@link #looksLikeWindows1258}) are windows-1258. The detector is left for the rest (Western, Cyrillic, CJK).
 */
public final class CharsetDetector {
    /** Declared charsets are looked for in the first bytes only, as browsers do. */
    private static final int SNIFF_BYTES = 4096;
    /** The detector reaches its verdict on far fewer bytes; more only costs time. */
    private static final int DETECTOR_BYTES = 65_536;
    private static final Pattern DECLARED_CHARSET = Pattern.compile(
            "(?i)(?:<meta[^>]+charset\\s*=\\s*[\"']?|<\\?xml[^>]+encoding\\s*=\\s*[\"'])([\\w.:-]+)");
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Which rule chose the charset. */
    public enum Basis { BOM, HEADER, DECLARATION, VALID_UTF8, VIETNAMESE_1258, DETECTOR, DEFAULT }

    /** The charset to decode with; {@code bomLength} bytes at the start are the byte-order mark, not text. */
    public record Detection(Charset charset, Basis basis, int bomLength) {}

    private CharsetDetector() {}

    /** Decodes a body by {@link #detect}, without its byte-order mark, composed to NFC. */
    public static String decode(Optional<String> contentType, byte[] body) {
        Detection d = detect(contentType, body);
        String text = new String(body, d.bomLength(), body.length - d.bomLength(), d.charset());
        // windows-1258 carries tone marks as combining characters: compose them so that a page reads the same
        // as its UTF-8 twin (and matches the same search terms).
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    public static Detection detect(Optional<String> contentType, byte[] body) {
        Detection bom = bom(body);
        if (bom != null) return bom;
        Optional<Charset> header = contentType.flatMap(ct -> named(HEADER_CHARSET.matcher(ct)));
        if (header.isPresent()) return new Detection(header.get(), Basis.HEADER, 0);
        String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Optional<Charset> declared = named(DECLARED_CHARSET.matcher(head))
                // The declaration was read as ASCII, so it cannot truly be UTF-16 (HTML's rule: take UTF-8).
                .map(cs -> cs.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : cs);
        if (declared.isPresent()) return new Detection(declared.get(), Basis.DECLARATION, 0);
        if (isUtf8(body)) return new Detection(StandardCharsets.UTF_8, Basis.VALID_UTF8, 0);
        if (looksLikeWindows1258(body)) return new Detection(WINDOWS_1258, Basis.VIETNAMESE_1258, 0);
        return detector(body)
                .map(cs -> new Detection(cs, Basis.DETECTOR, 0))
                .orElse(new Detection(StandardCharsets.UTF_8, Basis.DEFAULT, 0));
    }

    private static Detection bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return new Detection(StandardCharsets.UTF_8, Basis.BOM, 3);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) return new Detection(StandardCharsets.UTF_16BE, Basis.BOM, 2);
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) return new Detection(StandardCharsets.UTF_16LE, Basis.BOM, 2);
        return null;
    }

    private static Optional<Charset> named(Matcher m) {
        return m.find() ? byLabel(m.group(1)) : Optional.empty();
    }

    /**
     * A label as browsers read it (WHATWG Encoding): "iso-8859-1" and "us-ascii" mean windows-1252, whose
     * 0x80–0x9F are the curly quotes and dashes such pages really contain. Unknown labels are skipped.
     */
    private static Optional<Charset> byLabel(String label) {
        try {
            Charset cs = Charset.forName(label);
            return Optional.of(cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII) ? WINDOWS_1252 : cs);
        } catch (IllegalArgumentException unknownOrUnsupported) {
            return Optional.empty();
        }
    }

    /** Strict UTF-8, except that a sequence cut by the end of the bytes (a truncated body) is not an error. */
    static boolean isUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, false);
            if (result.isError()) return false;
            if (result.isUnderflow()) return true; // all decoded, or only a cut sequence is left
            out.clear();
        }
    }

    /**
     * Vietnamese in windows-1258, told apart from the Western text windows-1252 encodes at the same bytes:
     * 1258 writes most tones as combining marks (bytes CC EC D2 DE F2) right after a vowel, and Vietnamese
     * has a tone on most syllables, so such marks and the letters only Vietnamese uses (Ă ă Ơ ơ Ư ư Đ đ at
     * C3 E3 D5 F5 DD FD D0 F0) make up a large share of its non-ASCII bytes. In 1252 those bytes are
     * Ì ì Ò ò Þ: Italian puts ò and ì after consonants (però, così), and "può" alone does not reach the share.
     * Needs two marks after vowels and a third of the non-ASCII bytes.
     */
    static boolean looksLikeWindows1258(byte[] body) {
        int high = 0;
        int tonesAfterVowel = 0;
        int vietnameseLetters = 0;
        int prev = ' ';
        for (byte x : body) {
            int b = x & 0xff;
            if (b >= 0x80) {
                high++;
                if (isToneMark(b) && isVowel(prev)) tonesAfterVowel++;
                if (isVietnameseLetter(b)) vietnameseLetters++;
            }
            prev = b;
        }
        return tonesAfterVowel >= 2 && 3 * (tonesAfterVowel + vietnameseLetters) >= high;
    }

    private static boolean isToneMark(int b) {
        return b == 0xCC || b == 0xEC || b == 0xD2 || b == 0xDE || b == 0xF2;
    }

    private static boolean isVietnameseLetter(int b) {
        return b == 0xC3 || b == 0xE3 || b == 0xD5 || b == 0xF5 || b == 0xDD || b == 0xFD || b == 0xD0 || b == 0xF0;
    }

    /** A vowel that takes a combining tone in windows-1258: a e i o u y and Â â Ă ă Ê ê Ô ô Ơ ơ Ư ư. */
    private static boolean isVowel(int b) {
        return "aeiouyAEIOUY".indexOf(b) >= 0 || b == 0xC2 || b == 0xE2 || b == 0xC3 || b == 0xE3 || b == 0xCA
                || b == 0xEA || b == 0xD4 || b == 0xF4 || b == 0xD5 || b == 0xF5 || b == 0xDD || b == 0xFD;
    }

    private static Optional<Charset> detector(byte[] body) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(body, 0, Math.min(body.length, DETECTOR_BYTES));
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        return name == null ? Optional.empty() : byLabel(name);
    }
}
