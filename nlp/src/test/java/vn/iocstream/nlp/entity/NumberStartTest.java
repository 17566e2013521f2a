package vn.iocstream.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link EntityRecognizer.NumberStart} only skips a number pattern where it could not match. */
class NumberStartTest {

    private static final List<String> PIECES = List.of("0", "1", "2", "3", "5", "9", "12", "19", "20", "23", "24", "31", "113",
            "1900", "2024", ".", ",", "/", "-", ":", "h", " ", "  ", "\t", "A", "LD", "k", "K", "$", "đ", "đồng", "triệu", "tỷ",
            "nghìn tỷ", "USD", "giờ", "phút", "sáng", "người", "năm", "tháng", "ngày", "m2", "x", "é", "٣",
            "/12", "/2024", "-03-2024", ".12.2023", " triệu", " tỷ", " giờ 30", "29A", "51LD", "-123.45", "12345", "1.500");

    @Test
    void everyNumberPatternMatch_isAllowedByNumberStart() {
        Map<Pattern, Predicate<EntityRecognizer.NumberStart>> allows = new LinkedHashMap<>();
        allows.put(EntityRecognizer.MONEY, EntityRecognizer.NumberStart::mayBeAmount);
        allows.put(EntityRecognizer.MONEY_BARE, EntityRecognizer.NumberStart::mayBeAmount);
        allows.put(EntityRecognizer.DATE, EntityRecognizer.NumberStart::mayBeDate);
        allows.put(EntityRecognizer.TIME, EntityRecognizer.NumberStart::mayBeTime);
        allows.put(EntityRecognizer.PLATE, EntityRecognizer.NumberStart::mayBePlate);
        allows.put(EntityRecognizer.HOTLINE, EntityRecognizer.NumberStart::mayBeHotline);
        Map<Pattern, Integer> matches = new LinkedHashMap<>();
        Random random = new Random(3);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = 1 + random.nextInt(8); k > 0; k--) b.append(PIECES.get(random.nextInt(PIECES.size())));
            String text = b.toString();
            int to = random.nextInt(4) == 0 ? random.nextInt(text.length() + 1) : text.length();
            for (int start = 0; start < to; start++) {
                if (!Character.isDigit(text.charAt(start))) continue;
                EntityRecognizer.NumberStart allowed = EntityRecognizer.NumberStart.at(text, start, to);
                for (var e : allows.entrySet()) {
                    if (e.getKey().matcher(text).useTransparentBounds(true).region(start, to).lookingAt()) {
                        assertThat(e.getValue().test(allowed)).as("%s at %d of \"%s\" (to %d)", e.getKey(), start, text, to).isTrue();
                        matches.merge(e.getKey(), 1, Integer::sum);
                    }
                }
            }
        }
        // Every pattern matched often enough for the check to mean something.
        assertThat(matches).hasSize(allows.size()).allSatisfy((p, count) -> assertThat(count).as(p.pattern()).isGreaterThan(50));
    }
}
