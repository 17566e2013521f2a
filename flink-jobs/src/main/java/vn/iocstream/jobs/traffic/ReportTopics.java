package vn.iocstream.jobs.traffic;

import java.util.List;
import java.util.Locale;
import vn.iocstream.core.geo.VietnameseKeys;

/**
 * What a citizen report is about. The category chosen by the citizen or the hotline operator wins; when it
 * is missing or "khác" (other), key words of the text decide. Topics are slugs, stable for cluster keys.
 *
 * <p>Key words match with their diacritics (tone placement aside) anywhere; typed without diacritics only
 * multi-syllable ones match, because a bare folded syllable is ambiguous ("chay" is cháy = fire, but also
 * chạy = to run).
 */
public final class ReportTopics {
    public static final String OTHER = "khac";

    /** A topic: its slug, the folded category labels that name it, and the key words that reveal it. */
    private record Topic(String slug, String label, List<String> categories, List<String> keywords) {}

    private static final List<Topic> TOPICS = List.of(
            new Topic("un-tac", "ùn tắc giao thông", List.of("un tac", "ket xe", "tac duong", "giao thong"),
                    List.of("ùn tắc", "kẹt xe", "tắc đường", "kẹt cứng", "tắc nghẽn", "xe đứng im")),
            new Topic("tai-nan", "tai nạn giao thông", List.of("tai nan", "va cham"),
                    List.of("tai nạn", "va chạm", "tông xe", "lật xe", "xe tông", "đâm vào")),
            new Topic("ngap-nuoc", "ngập nước", List.of("ngap", "trieu cuong", "thien tai"),
                    List.of("ngập", "ngập nước", "ngập sâu", "triều cường", "nước dâng")),
            new Topic("mat-trat-tu", "mất trật tự", List.of("trat tu", "an ninh", "gay roi"),
                    List.of("mất trật tự", "đánh nhau", "gây rối", "đua xe", "hát karaoke", "tụ tập", "ẩu đả", "cướp giật")),
            new Topic("chay", "cháy", List.of("chay", "hoa hoan", "chay no"),
                    List.of("cháy", "hỏa hoạn", "cháy nổ", "bốc cháy", "khói đen", "cháy nhà")),
            new Topic("moi-truong", "môi trường", List.of("moi truong", "o nhiem", "rac"),
                    List.of("môi trường", "ô nhiễm", "mùi hôi", "xả thải", "rác thải", "bãi rác", "cá chết")),
            new Topic("ha-tang", "hư hỏng hạ tầng", List.of("ha tang", "duong xa", "chieu sang"),
                    List.of("ổ gà", "sụt lún", "đèn đường", "hố ga", "cây đổ", "đường hư")));

    private ReportTopics() {}

    /** Vietnamese label of a topic slug, for alert titles. */
    public static String label(String slug) {
        return TOPICS.stream().filter(t -> t.slug().equals(slug)).map(Topic::label).findFirst().orElse("vấn đề khác");
    }

    /**
     * @param category the report's category as sent, or null
     * @param text     the report's text, normalised (teencode already expanded)
     * @return a topic slug, {@link #OTHER} when nothing matches
     */
    public static String topicOf(String category, String text) {
        if (category != null && !category.isBlank()) {
            String folded = VietnameseKeys.fold(category).strip();
            for (Topic t : TOPICS) {
                for (String c : t.categories()) if (folded.equals(c) || folded.startsWith(c + " ")) return t.slug();
            }
        }
        String toned = " " + words(VietnameseKeys.toneKey(text)) + " ";
        String folded = " " + words(VietnameseKeys.fold(text)) + " ";
        for (Topic t : TOPICS) {
            for (String k : t.keywords()) {
                if (toned.contains(" " + words(VietnameseKeys.toneKey(k)) + " ")) return t.slug();
            }
        }
        for (Topic t : TOPICS) {
            for (String k : t.keywords()) {
                String f = words(VietnameseKeys.fold(k));
                if (f.indexOf(' ') > 0 && folded.contains(" " + f + " ")) return t.slug();
            }
        }
        return OTHER;
    }

    /** Lower case, every run of non-letters one space: whole-word matching by plain contains(). */
    private static String words(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}]+", " ").strip();
    }
}
