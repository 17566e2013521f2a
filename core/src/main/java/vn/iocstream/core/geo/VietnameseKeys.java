package vn.iocstream.core.geo;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Comparison keys for Vietnamese words. Lives in core because the gazetteer needs them and core
 * depends on nothing; the nlp module's normaliser builds on the same keys so both agree.
 */
public final class VietnameseKeys {
    private VietnameseKeys() {}

    /** The five tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng). */
    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

    /** True for a combining character that marks the tone (as opposed to a vowel-shape mark). */
    public static boolean isToneMark(char c) {
        return TONES.indexOf(c) >= 0;
    }

    /** Lower case, no diacritics at all, đ → d: "Bình Phước" → "binh phuoc". */
    public static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            out.append(c == 'đ' || c == 'Đ' ? 'd' : c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** An id-safe key: "TP Hồ Chí Minh" → "tp-ho-chi-minh", "Bà Rịa - Vũng Tàu" → "ba-ria-vung-tau". */
    public static String slug(String s) {
        return fold(s).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /**
     * Lower case with diacritics kept, but the tone mark moved to the end of each syllable, so that
     * "hoà" and "hòa" get the same key while "hòa" and "hóa" do not. Syllables are separated by
     * anything that is not a letter, mark or digit.
     */
    public static String toneKey(String s) {
        String d = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        char tone = 0;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (isToneMark(c)) {
                tone = c;
            } else if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                out.append(c);
            } else {
                if (tone != 0) out.append(tone);
                tone = 0;
                out.append(c);
            }
        }
        if (tone != 0) out.append(tone);
        // The tone now sits after a letter or another mark; NFC would re-attach it, which could make
        // two different keys compose differently, so the key stays decomposed on purpose.
        return out.toString();
    }
}
