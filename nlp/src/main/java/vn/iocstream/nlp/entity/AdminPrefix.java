package vn.iocstream.nlp.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.iocstream.nlp.entity.EntityEvaluation.Sentence;
import vn.iocstream.nlp.entity.EntityEvaluation.Span;

/**
 * How an evaluation treats the administrative word before a place name ("tỉnh Đồng Nai", "phường Phước
 * Hòa"): annotation sets differ on whether it belongs to the LOCATION span, and so may a recognizer. The
 * mapping is applied to gold and predicted spans alike, so that only the convention, not the finding of
 * the place, is set aside. Other types are left as they are.
 */
public enum AdminPrefix {
    /** Spans compared as written. */
    AS_IS,
    /** A LOCATION span that begins with an administrative word loses it ("phường Phước Hòa" → "Phước Hòa"). */
    STRIP,
    /** A LOCATION span right after an administrative word takes it in ("Phước Hòa" after "phường"). */
    INCLUDE;

    /** The administrative words of Vietnam's units, current and former, lower case, as one unit or several. */
    static final Set<String> WORDS = Set.of("tỉnh", "thành phố", "tp", "thị xã", "tx", "huyện", "quận", "q", "xã", "phường", "p",
            "thị trấn", "tt", "thôn", "ấp", "bản", "xóm", "làng", "khu phố", "tổ dân phố", "đặc khu");
    private static final int LONGEST = 3;

    /** The CLI's spelling of a value: as-is, strip, include. */
    public static AdminPrefix parse(String name) {
        return switch (name) {
            case "as-is" -> AS_IS;
            case "strip" -> STRIP;
            case "include" -> INCLUDE;
            default -> throw new IllegalArgumentException("admin prefix must be as-is, strip or include, not " + name);
        };
    }

    List<Span> apply(Sentence s, List<Span> spans) {
        if (this == AS_IS) return spans;
        List<Span> out = new ArrayList<>(spans.size());
        for (Span span : spans) {
            if (!span.type().equals(Entity.LOCATION)) {
                out.add(span);
                continue;
            }
            int lead = prefixLength(s, span.start(), span.end() - 1);
            if (this == STRIP) {
                out.add(lead > 0 ? new Span(span.start() + lead, span.end(), span.type()) : span);
            } else {
                int before = lead > 0 ? 0 : prefixEndingAt(s, span.start());
                Span wider = new Span(span.start() - before, span.end(), span.type());
                out.add(before > 0 && spans.stream().noneMatch(o -> o != span && o.overlaps(wider)) ? wider : span);
            }
        }
        return out;
    }

    /** Units of an administrative word starting at unit {@code from} and ending by unit {@code limit}, or 0. */
    private static int prefixLength(Sentence s, int from, int limit) {
        for (int k = Math.min(LONGEST, limit - from); k >= 1; k--) {
            if (isWord(s, from, from + k)) return k;
        }
        return 0;
    }

    /** Units of an administrative word ending right before unit {@code at}, or 0. */
    private static int prefixEndingAt(Sentence s, int at) {
        for (int k = Math.min(LONGEST, at); k >= 1; k--) {
            if (isWord(s, at - k, at)) return k;
        }
        return 0;
    }

    private static boolean isWord(Sentence s, int from, int to) {
        StringBuilder words = new StringBuilder();
        for (int i = from; i < to; i++) {
            String unit = s.units(i, i + 1).toLowerCase(Locale.ROOT);
            if (unit.endsWith(".")) unit = unit.substring(0, unit.length() - 1);
            if (i > from) words.append(' ');
            words.append(unit);
        }
        return WORDS.contains(words.toString());
    }
}
