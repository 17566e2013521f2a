package vn.iocstream.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void sentences_splitOnEndPunctuationAndLineBreaks() {
        assertThat(Tokenizer.sentences("Xe tải lật trên quốc lộ 14. Có 2 người bị thương! Ai chịu trách nhiệm? Chưa rõ…\nCập nhật lúc 9h"))
                .containsExactly("Xe tải lật trên quốc lộ 14.", "Có 2 người bị thương!", "Ai chịu trách nhiệm?",
                        "Chưa rõ…", "Cập nhật lúc 9h");
    }

    @Test
    void sentences_doNotSplitInsideAbbreviationsAndNumbers() {
        assertThat(Tokenizer.sentences("Giá vàng tại TP.HCM lên 5.000 đồng, tăng 1.5% ở Q.1 và TS. Nguyễn Văn An nói \"quá cao.\" Hết."))
                .containsExactly("Giá vàng tại TP.HCM lên 5.000 đồng, tăng 1.5% ở Q.1 và TS. Nguyễn Văn An nói \"quá cao.\"", "Hết.");
    }

    @Test
    void phoneNumbers_areSingleTokens() {
        assertThat(texts("Gọi 0912 345 678, 0912.345.678 hoặc +84 912 345 678 hay 0912345678", Token.Type.PHONE))
                .containsExactly("0912 345 678", "0912.345.678", "+84 912 345 678", "0912345678");
    }

    @Test
    void linksTagsMentionsAndEmoji_areSingleTokens() {
        String text = "Xem https://vnexpress.net/xe-lat-123.html, email toasoan@tuoitre.com.vn #TaiNạn @Hùng.Nguyễn 😡😡 ❤️";
        assertThat(texts(text, Token.Type.URL)).containsExactly("https://vnexpress.net/xe-lat-123.html");
        assertThat(texts(text, Token.Type.EMAIL)).containsExactly("toasoan@tuoitre.com.vn");
        assertThat(texts(text, Token.Type.HASHTAG)).containsExactly("#TaiNạn");
        assertThat(texts(text, Token.Type.MENTION)).containsExactly("@Hùng.Nguyễn");
        assertThat(texts(text, Token.Type.EMOJI)).containsExactly("😡", "😡", "❤️");
    }

    @Test
    void syllables_andNumbers_areTokens() {
        assertThat(Tokenizer.tokens("Q.1 có 3,5 triệu dân"))
                .extracting(Token::text).containsExactly("Q.1", "có", "3,5", "triệu", "dân");
    }

    @Test
    void foldedSyllables_splitAbbreviations() {
        assertThat(Tokenizer.foldedSyllables(Tokenizer.tokens("Kẹt xe ở TP.HCM!"))).containsExactly("ket", "xe", "o", "tp", "hcm");
    }

    /**
     * Words, numbers and punctuation recognised without the pattern must be exactly what the pattern
     * alone gives: on generated posts and on random strings of the characters where that is delicate.
     */
    @Test
    void shortcuts_giveThePatternsTokens() throws Exception {
        Field field = Tokenizer.class.getDeclaredField("TOKEN");
        field.setAccessible(true);
        Pattern pattern = (Pattern) field.get(null);
        List<String> texts = new ArrayList<>();
        for (AnalyzeBench.Post p : AnalyzeBench.posts(100, 1024, new Random(1))) {
            texts.add(p.text());
            texts.add(TextNormalizer.normalize(p.text()));
        }
        String[] atoms = {"a", "B", "đ", "ệ", "1", "0", "12", "0912", "+84", " ", "\n", ".", "..", ",", ":", "/", "-", "–",
            "%", "@", "#", "_", "(", ")", "\"", "”", "…", "!", "http", "://", "www", ".vn", "TP", "Q", "k", "😡", "²", "\u0300"};
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = 1 + random.nextInt(12); j > 0; j--) b.append(atoms[random.nextInt(atoms.length)]);
            texts.add(b.toString());
        }
        for (String text : texts) assertThat(Tokenizer.tokens(text)).as(text).isEqualTo(byPattern(pattern, text));
    }

    private static List<Token> byPattern(Pattern pattern, String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        for (int pos = 0; m.find(pos); pos = m.end()) {
            int g = 1;
            while (m.start(g) < 0) g++;
            out.add(new Token(m.group(), Token.Type.values()[g - 1], m.start(), m.end()));
        }
        return out;
    }

    private static List<String> texts(String text, Token.Type type) {
        return Tokenizer.tokens(text).stream().filter(t -> t.type() == type).map(Token::text).toList();
    }
}
