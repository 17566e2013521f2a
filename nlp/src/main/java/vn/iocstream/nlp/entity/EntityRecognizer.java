package vn.iocstream.nlp.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.nlp.TextNormalizer;
import vn.iocstream.nlp.Token;

/**
 * Rule-based Vietnamese entities over one sentence, in plain Java: patterns for money, dates, times,
 * plates, phones and numbered roads, tried only at the tokens where they can start, and
 * left-to-right scans of the token list for places (gazetteer, world places, "xã/phường/huyện… + Name"
 * and "sông/cầu/chợ… + Name", the word kept in the span as VLSP 2016 does), organisations (known names,
 * "head + field + name + place" such as "Sở Y tế TP.HCM", a club's initials before its province "HA Gia
 * Lai"), people (title + capitalised name, surname + 1–3 capitalised syllables, a foreign given name +
 * capitalised names, "Văn/Thị + name", the press's initials "N.V.K", "M.Khương") and named roads. A
 * hospital or school right after "tại/ở/đến/vào…" is the place someone is at, so a LOCATION (the VLSP
 * convention). Overlaps are resolved longest span first, so "Công an tỉnh Đồng Nai" wins over "Đồng Nai"
 * and "đường Nguyễn Văn Linh" over the person; on equal spans a place wins over a surname-only person
 * ("Hồ Chí Minh", "Hàn Quốc") and a titled person over a place ("anh Thái Bình"). Adjacent
 * organisations separated by a space merge ("Phòng CSGT Công an tỉnh Đồng Nai"). Limits: lower-case or
 * unaccented names (social text) are not found as people or organisations; nested entities are
 * flattened; a foreign name is found only after a title or a listed given name. Immutable, thread-safe.
 */
public final class EntityRecognizer {

    /** Tie-breakers between spans of equal length (higher wins). */
    private static final int TITLED_PERSON = 9, PLACE = 8, ROAD = 7, ORG = 6, PATTERN = 5, GIVEN_NAME_PERSON = 2, SURNAME_PERSON = 1;

    private record Candidate(Entity entity, int priority) {
        int length() {
            return entity.end() - entity.start();
        }
    }

    /** A place after an organisation head or an administrative word: token end, id part, the entity. */
    private record PlaceMatch(int end, String idPart, Entity entity) {}

    /**
     * A place of world.tsv: its id, whether it is a country or region (described, not named, by a
     * place-kind word before it), and whether it is also a common word or given name ("Anh", "Đức").
     */
    private record WorldPlace(String id, boolean countryOrRegion, boolean ambiguous) {}

    private static final String NUM = "\\d{1,3}(?:[.,]\\d{3})+(?:,\\d+)?|\\d+(?:[.,]\\d+)?";
    private static final String MULTIPLIER = "(?:nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ|trăm)";
    static final Pattern MONEY = Pattern.compile("(?<![\\p{L}\\p{N}.,])(?:(?:" + NUM + ")\\s?(?:" + MULTIPLIER
            + "\\s?)?(?:đồng|đ|VNĐ|VND|vnđ|vnd|USD|usd|đô la Mỹ|đô la|đô|euro|Euro|EUR|yên|nhân dân tệ|bảng Anh)"
            + "(?:\\s?/\\s?(?:m2|m3|[\\p{L}]+))?|\\$\\s?(?:" + NUM + ")(?:\\s" + MULTIPLIER + ")?|(?:" + NUM + ")[kK])(?![\\p{L}\\p{N}])");
    static final Pattern MONEY_BARE = Pattern.compile("(?<![\\p{L}\\p{N}.,])(?:" + NUM + ")\\s(?:nghìn tỷ|ngàn tỷ|triệu|tỷ|tỉ)(?![\\p{L}\\p{N}])");
    /** Words after "30 triệu" that make it a count, not money ("30 triệu người"). */
    private static final Set<String> COUNTED = Set.of("người", "lượt", "hộ", "con", "ca", "liều", "tấn", "lít", "km", "ha",
            "cây", "chiếc", "xe", "đơn", "học", "cử", "lao", "khách", "du", "bệnh", "trẻ", "năm", "thuê", "tài", "phương",
            "sản", "gói", "chai", "viên", "bao", "kg", "cổ", "cp", "m3", "m2", "thùng", "lần", "việc", "dân", "hồ", "trang");
    private static final String DAY = "(?:0?[1-9]|[12]\\d|3[01])", MONTH = "(?:0?[1-9]|1[0-2])", YEAR = "(?:19|20)\\d{2}";
    static final Pattern DATE = Pattern.compile("(?<![\\p{L}\\p{N}/.,-])"
            + "(?:(?:[Tt]hứ (?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[2-7])|[Cc]hủ [Nn]hật|T[2-7]|CN),?\\s)?(?:"
            + "(?:[Nn]gày\\s)?" + DAY + "/" + MONTH + "(?:/" + YEAR + ")?(?![\\p{N}/])"
            + "|" + DAY + "[-.]" + MONTH + "[-.]" + YEAR
            + "|[Nn]gày\\s" + DAY + "-" + MONTH + "(?![\\p{N}-])"
            + "|(?:[Nn]gày\\s" + DAY + "\\s)?[Tt]háng\\s" + MONTH + "(?:(?:/|\\snăm\\s)" + YEAR + ")?"
            + "|[Nn]ăm\\s" + YEAR + ")(?![\\p{L}\\p{N}])");
    static final Pattern TIME = Pattern.compile("(?<![\\p{L}\\p{N}:.,])(?:[01]?\\d|2[0-3])"
            + "(?::[0-5]\\d(?::[0-5]\\d)?|h(?:[0-5]\\d)?|\\sgiờ(?:\\s[0-5]?\\d(?:\\sphút)?)?)"
            + "(?:\\s(?:rạng sáng|sáng|trưa|chiều|tối|đêm))?(?![\\p{L}\\p{N}])");
    static final Pattern PLATE = Pattern.compile("(?<![\\p{L}\\p{N}.-])\\d{2}[- ]?[A-Z]{1,2}\\d?[- .]?(?:\\d{3}\\.\\d{2}|\\d{4,5})(?![\\p{N}]|\\.\\d)");
    static final Pattern HOTLINE = Pattern.compile("(?<![\\p{N}.,])(?:1[89]00[\\s.]?\\d{3,4}(?:[\\s.]?\\d{2,4})?|111|112|113|114|115|1022)(?![\\p{N}]|[.,]\\d)");
    /** A short service number is a phone only after one of these, or inside a list like "113/114/115". */
    private static final Pattern CALL_CUE = Pattern.compile("(?:gọi|số|tổng đài|đường dây nóng|hotline|đầu số|liên hệ|báo)\\W*(?:\\S+\\s){0,2}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBERED_ROAD = Pattern.compile("(?<![\\p{L}\\p{N}])(?:(?:QL|[Qq]uốc lộ|ĐT|DT|[Tt]ỉnh lộ|TL|[Đđ]ường tỉnh|[Hh]ương lộ|HL|[Vv]ành đai|[Đđ]ường vành đai)\\s?\\.?\\s?\\d{1,4}[A-Z]?"
            + "|[Đđ]ường (?:số \\d{1,3}|\\d{1,2}/\\d{1,2}))(?![\\p{L}\\p{N}/])(?!\\s?(?:m2|m²|ha|km2)\\b)");
    private static final String ROAD_NAME = "\\p{Lu}[\\p{L}\\p{M}]*(?:\\.\\p{Lu}+)?(?: \\p{Lu}[\\p{L}\\p{M}]*)*";
    private static final Pattern EXPRESSWAY = Pattern.compile("(?:[Đđ]ường )?[Cc]ao tốc " + ROAD_NAME + "(?:\\s?[–-]\\s?" + ROAD_NAME + ")*");

    private static final Set<String> NUMBERED_UNITS = Set.of("quận", "phường", "q.", "p.", "khu phố", "ấp", "tổ", "thôn", "xóm", "bản",
            "tổ dân phố");
    /** Words before a name that make it a person's, not a country's ("anh Đức", "chị Nga"). */
    private static final Set<String> KINSHIP = Set.of("ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "cháu", "bé", "thầy",
            "cậu", "mợ", "dì");
    /** Before a country these make a nationality, a language or an origin ("người Lào", "tiếng Anh", "gốc Việt"), not a place. */
    private static final Set<String> NATIONALITY = Set.of("người", "tiếng", "gốc");
    /** Words that put what follows as the place where something happens ("điều trị tại Bệnh viện …"). */
    private static final Set<String> LOCATIVES = Set.of("tại", "ở", "đến", "tới", "vào", "về", "sang", "lên", "xuống", "khỏi", "từ", "qua");
    /**
     * Organisation heads (canonical, lower case) whose organisation is the place a patient is taken to,
     * and industrial parks; schools and institutes are left out, since "tại Đại học X" mostly tells who
     * employs someone.
     */
    private static final Set<String> PLACE_LIKE_ORGS = Set.of("bệnh viện", "trung tâm y tế", "trạm y tế", "phòng khám", "nha khoa",
            "khu công nghiệp");
    /** Tokens that open a sentence or a quotation, after which a capital says nothing. */
    private static final Set<String> OPENERS = Set.of(".", "!", "?", ":", "\"", "“", "…", "•");
    /** Onsets of Vietnamese syllables without diacritics, longest first within each letter. */
    private static final String[] ONSETS = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
            "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x", ""};
    private static final String[] FINALS = {"ng", "nh", "ch", "c", "m", "n", "p", "t", ""};
    /** Place-kind words that name a foreign unit together with its name ("bang Florida", "xứ Wales"). */
    private static final Set<String> FOREIGN_UNITS = Set.of("bang", "tiểu bang", "xứ", "trấn", "vùng", "miền", "châu");
    /** Platforms that are products, not organisations, after "trang", "kênh" ("kênh YouTube"). */
    private static final Set<String> PLATFORMS = Set.of("YouTube", "Youtube", "Facebook", "TikTok", "Tiktok", "Instagram", "Twitter", "Zalo");
    /** Words after which a foreign name is a work, a product or an event ("phim Titanic", "dòng Galaxy"). */
    private static final Set<String> WORK_CUES = Set.of("phim", "ca khúc", "bài hát", "album", "chương trình", "show", "giải", "cuộc thi",
            "dự án", "sự kiện", "game", "trò chơi", "ứng dụng", "mẫu", "dòng", "phiên bản", "giải pháp", "chiến dịch", "chiếc", "tàu",
            "tác phẩm", "cuốn", "sách", "mv", "clip", "video", "thương hiệu", "nhãn hiệu", "hệ thống", "tên lửa", "máy bay");
    /** Lower-case particles inside foreign names ("Ursula von der Leyen", "Kevin de Bruyne"). */
    private static final Set<String> NAME_PARTICLES = Set.of("de", "van", "von", "der", "den", "da", "dos", "del", "di", "du", "bin", "al");
    /** A name in initials ("N.V.K", "H.T.P.") or an initial glued to a name ("M.Khương", "C.Ronaldo"). */
    private static final Pattern INITIALS = Pattern.compile("\\p{Lu}(?:\\.\\p{Lu}){1,3}\\.?(?![\\p{L}\\p{N}])|(\\p{Lu})\\.\\p{Lu}\\p{Ll}+");

    private final Gazetteer gazetteer;
    private final PhraseTable<String> knownOrgs = new PhraseTable<>(256);
    private final PhraseTable<String> orgHeads = new PhraseTable<>(512);
    private final PhraseTable<String> sectors = new PhraseTable<>(1024);
    private final PhraseTable<String> titles = new PhraseTable<>(2048);
    private final PhraseTable<String> adminWords = new PhraseTable<>(4096);
    private final PhraseTable<String> roadWords = new PhraseTable<>(8192);
    private final PhraseTable<WorldPlace> world = new PhraseTable<>(16384);
    private final PhraseTable<String> placeHeads = new PhraseTable<>(32768);
    private final PhraseTable<String> orgClassifiers = new PhraseTable<>(65536);
    /** English words that make a foreign-looking run an organisation's, event's or product's name. */
    private final Set<String> foreignNameStops = new HashSet<>();
    private final Set<String> surnames = new HashSet<>();
    private final Set<String> givenNames = new HashSet<>();
    /** Ids of organisations whose name also opens product names ("Samsung Galaxy"). */
    private final Set<String> brands = new HashSet<>();
    /**
     * What a token may open, by its lower-case form: one hash lookup per token instead of one per word
     * list (string hash lookups were a large share of the recognizer's time), and no list at all for
     * most tokens. The bits below, and from 256 up one per phrase table ({@link PhraseTable#role()}).
     */
    private final Map<String, Integer> roles = new HashMap<>();
    private static final int OPENS_DATE = 2, OPENS_ROAD = 4, OPENS_EXPRESSWAY = 8, MAY_BE_SURNAME = 16,
            MAY_BE_GIVEN_NAME = 32, OPENS_VIETNAMESE_NAME = 64;

    public EntityRecognizer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        for (String[] row : Lexicon.rows("orgs.tsv")) {
            String id = "org:" + (row.length > 1 ? row[1] : Lexicon.slug(row[0]));
            knownOrgs.add(row[0], id);
            if (row.length > 2 && row[2].equals("brand")) brands.add(id);
        }
        for (String[] row : Lexicon.rows("world.tsv")) {
            if (row.length < 3) throw new IllegalStateException("world.tsv: name, id and kind expected: " + String.join(" ", row));
            world.add(row[0], new WorldPlace(row[1], row[2].equals("country") || row[2].equals("region"), row.length > 3 && row[3].equals("ambiguous")));
        }
        for (String[] row : Lexicon.rows("place-heads.txt")) placeHeads.add(row[0], row[0].toLowerCase(Locale.ROOT));
        for (String[] row : Lexicon.rows("given-names.txt")) givenNames.add(row[0]);
        for (String[] row : Lexicon.rows("org-classifiers.txt")) orgClassifiers.add(row[0], row[0]);
        for (String[] row : Lexicon.rows("foreign-name-stops.txt")) foreignNameStops.add(row[0]);
        for (String[] row : Lexicon.rows("org-heads.tsv")) orgHeads.add(row[0], row.length > 1 ? row[1] : row[0]);
        for (String[] row : Lexicon.rows("org-sectors.tsv")) sectors.add(row[0], row.length > 1 ? row[1] : row[0]);
        for (String[] row : Lexicon.rows("titles.txt")) titles.add(row[0], row[0]);
        for (String[] row : Lexicon.rows("surnames.txt")) surnames.add(row[0]);
        for (String w : List.of("tỉnh", "thành phố", "TP", "TP.", "Tp", "Tp.", "huyện", "quận", "Q.", "thị xã", "TX", "TX.", "xã",
                "phường", "P.", "thị trấn", "ấp", "thôn", "bản", "khu phố", "tổ", "đặc khu", "làng")) {
            adminWords.add(w, w.toLowerCase(Locale.ROOT));
        }
        for (String w : List.of("đường", "phố", "đại lộ", "tuyến đường")) roadWords.add(w, w);
        for (PhraseTable<?> table : List.of(knownOrgs, orgHeads, sectors, titles, adminWords, roadWords, world, placeHeads, orgClassifiers)) {
            for (String w : table.firstTokens()) roles.merge(w, table.role(), (a, b) -> a | b);
        }
        for (String w : givenNames) roles.merge(w.toLowerCase(Locale.ROOT), MAY_BE_GIVEN_NAME, (a, b) -> a | b);
        for (String w : List.of("văn", "thị")) roles.merge(w, OPENS_VIETNAMESE_NAME, (a, b) -> a | b);
        for (String w : DATE_TRIGGERS) roles.merge(w, OPENS_DATE, (a, b) -> a | b);
        for (String w : ROAD_TRIGGERS) roles.merge(w, OPENS_ROAD, (a, b) -> a | b);
        for (String w : List.of("cao", "đường")) roles.merge(w, OPENS_EXPRESSWAY, (a, b) -> a | b);
        for (String w : surnames) roles.merge(w.toLowerCase(Locale.ROOT), MAY_BE_SURNAME, (a, b) -> a | b);
    }

    /** The gazetteer whose places this recognizer finds. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The recognizer with the gazetteer and word lists shipped in the jars. */
    public static EntityRecognizer builtIn() {
        return Shared.BUILT_IN;
    }

    /** Built on first use, after this class's static word lists, which the constructor reads. */
    private static final class Shared {
        static final EntityRecognizer BUILT_IN = new EntityRecognizer(Gazetteer.load());
    }

    /**
     * Entities of one sentence, left to right.
     *
     * @param text the document text (normalised); offsets of the result refer to it
     * @param from start of the sentence in {@code text}
     * @param to   end of the sentence
     * @param toks the sentence's tokens (syllables, numbers, punctuation… as {@link vn.iocstream.nlp.Tokenizer}
     *             makes them), offsets into {@code text}
     * @param continuesWord for each token, true if the word segmenter made it part of the previous token's
     *             word ("sóc" of "Chăm sóc"); null if unknown
     * @param places {@code gazetteer().in(text).find(from, to)}: the gazetteer's mentions in the sentence
     */
    public List<Entity> recognize(String text, int from, int to, List<Token> toks, boolean[] continuesWord, List<Gazetteer.Mention> places) {
        // Each token in lower case, computed once for the phrase tables, and what it may open.
        String[] lower = new String[toks.size()];
        int[] opens = new int[toks.size()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = toks.get(i).text().toLowerCase(Locale.ROOT);
            opens[i] = roles.getOrDefault(lower[i], 0);
        }
        List<Candidate> found = new ArrayList<>();
        patterns(text, to, toks, lower, opens, found);
        // The gazetteer's mentions by the token they start at: arrays, not maps keyed by boxed offsets, as
        // the rules ask at almost every token.
        Gazetteer.Mention[] mentionAt = new Gazetteer.Mention[toks.size()];
        int t = 0;
        for (Gazetteer.Mention m : places) {
            found.add(new Candidate(new Entity(Entity.LOCATION, m.start(), m.end(), m.written(), provinceId(m.place())), PLACE));
            while (t < toks.size() && toks.get(t).start() < m.start()) t++;
            if (t < toks.size() && toks.get(t).start() == m.start()) mentionAt[t] = m;
        }
        Scan scan = new Scan(text, toks, lower, opens, places, mentionAt, continuesWord == null ? new boolean[toks.size()] : continuesWord);
        scan.worldPlaces(found);
        for (int i = 0; i < toks.size(); i++) scan.at(i, found);
        return mergeOrganisations(text, select(found));
    }

    /**
     * The patterns are tried only where they can start (a digit, "$", or a trigger word such as
     * "ngày", "QL", "cao tốc"), with {@link Matcher#lookingAt()}: scanning every position of every
     * sentence with nine patterns cost ~0.5 ms per 1 KB post here, more than all other rules.
     */
    private void patterns(String text, int to, List<Token> toks, String[] lower, int[] opens, List<Candidate> out) {
        Matchers m = new Matchers(text, to);
        for (int i = 0; i < lower.length; i++) {
            Token t = toks.get(i);
            if (t.type() == Token.Type.PHONE) {
                out.add(pattern(Entity.PHONE, t.start(), t.end(), text, phoneId(t.text())));
                continue;
            }
            char first = t.text().charAt(0);
            if (Character.isDigit(first)) {
                numberPatterns(text, to, t.start(), toks, m, out);
            } else if (first == '$') {
                m.at(MONEY, t.start(), Entity.MONEY, toks, out);
            } else if ((opens[i] & OPENS_DATE) != 0) {
                m.at(DATE, t.start(), Entity.DATE, toks, out);
            }
            if ((opens[i] & OPENS_ROAD) != 0 || gluedRoadNumber(t.text(), lower[i])) {
                m.at(NUMBERED_ROAD, t.start(), Entity.ROAD, toks, out);
            }
            if ((opens[i] & OPENS_EXPRESSWAY) != 0) m.at(EXPRESSWAY, t.start(), Entity.ROAD, toks, out);
        }
    }

    /** The patterns that start with a digit, each tried only where {@link NumberStart} allows it. */
    private static void numberPatterns(String text, int to, int start, List<Token> toks, Matchers m, List<Candidate> out) {
        NumberStart n = NumberStart.at(text, start, to);
        if (n.mayBeAmount()) m.at(MONEY, start, Entity.MONEY, toks, out);
        if (n.mayBeDate()) m.at(DATE, start, Entity.DATE, toks, out);
        if (n.mayBeTime()) m.at(TIME, start, Entity.TIME, toks, out);
        if (n.mayBePlate()) m.at(PLATE, start, Entity.PLATE, toks, out);
        Matcher bare = n.mayBeAmount() ? m.lookingAt(MONEY_BARE, start) : null;
        if (bare != null && !counted(text, bare.end())) add(out, Entity.MONEY, bare.start(), bare.end(), text, toks);
        Matcher hotline = n.mayBeHotline() ? m.lookingAt(HOTLINE, start) : null;
        if (hotline != null && isServiceCall(text, hotline, toks.get(0).start())) {
            out.add(pattern(Entity.PHONE, hotline.start(), hotline.end(), text, phoneId(hotline.group())));
        }
    }

    /**
     * What the characters from a digit at {@code start} (up to {@code to}) allow: most numbers match
     * none of the number patterns, and a failed regex match still costs a region reset and a
     * look-behind. Each {@code mayBe…} is a necessary condition of its pattern matching there (the
     * tests check this on generated numbers): a date's day or a time's hour is one or two ASCII digits
     * followed by what the pattern needs next; a plate is two digits and a capital; a hotline starts
     * with 1; a money amount is a run of digits, dots and commas ending in a digit, then a space or a
     * letter (multiplier, currency, "k").
     */
    record NumberStart(boolean mayBeAmount, boolean mayBeDate, boolean mayBeTime, boolean mayBePlate, boolean mayBeHotline) {
        static NumberStart at(String text, int start, int to) {
            int digits = start;
            while (digits < to && isAsciiDigit(text.charAt(digits))) digits++;
            int run = digits;
            while (run < to && (isAsciiDigit(text.charAt(run)) || text.charAt(run) == '.' || text.charAt(run) == ',')) run++;
            int leading = digits - start;
            char next = digits < to ? text.charAt(digits) : 0;
            boolean dayOrHour = leading == 1 || leading == 2;
            return new NumberStart(
                    leading > 0 && run < to && isAsciiDigit(text.charAt(run - 1))
                            && (Character.isWhitespace(text.charAt(run)) || Character.isLetter(text.charAt(run))),
                    dayOrHour && (next == '/' || next == '-' || next == '.'),
                    dayOrHour && (next == ':' || next == 'h' || (Character.isWhitespace(next) && text.startsWith("giờ", digits + 1))),
                    leading == 2 && (isCapital(text, digits, to) || ((next == '-' || next == ' ') && isCapital(text, digits + 1, to))),
                    leading > 0 && text.charAt(start) == '1');
        }

        private static boolean isAsciiDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isCapital(String text, int at, int to) {
            return at < to && text.charAt(at) >= 'A' && text.charAt(at) <= 'Z';
        }
    }

    /** Words that may open a date or a road pattern. */
    private static final Set<String> DATE_TRIGGERS = Set.of("thứ", "chủ", "t2", "t3", "t4", "t5", "t6", "t7", "cn", "ngày", "tháng", "năm");
    private static final Set<String> ROAD_TRIGGERS = Set.of("ql", "quốc", "đt", "dt", "tỉnh", "tl", "đường", "hương", "hl", "vành");
    /** The two-letter road triggers, which may also open a longer token ("QL1A"). */
    private static final String[] ROAD_ABBREVIATIONS = ROAD_TRIGGERS.stream().filter(w -> w.length() == 2).toArray(String[]::new);

    /**
     * A token such as "QL1A" or "ĐT.741": a two-letter road trigger followed by what the pattern allows
     * after it (a space, a dot or a digit), so other words starting with those letters skip the list.
     */
    private static boolean gluedRoadNumber(String written, String lower) {
        if (lower.length() <= 2) return false;
        char next = written.charAt(2);
        if (next != '.' && !(next >= '0' && next <= '9') && !Character.isWhitespace(next)) return false;
        for (String a : ROAD_ABBREVIATIONS) {
            if (lower.startsWith(a)) return true;
        }
        return false;
    }

    /**
     * One matcher per pattern for a sentence, anchored at a token, with transparent bounds for
     * look-behinds. A handful of patterns, so found by a linear search rather than a hash map.
     */
    private static final class Matchers {
        private final String text;
        private final int to;
        private final List<Matcher> matchers = new ArrayList<>(9);

        Matchers(String text, int to) {
            this.text = text;
            this.to = to;
        }

        Matcher lookingAt(Pattern p, int start) {
            Matcher m = matcher(p);
            m.region(start, to);
            return m.lookingAt() ? m : null;
        }

        private Matcher matcher(Pattern p) {
            for (Matcher m : matchers) {
                if (m.pattern() == p) return m;
            }
            Matcher m = p.matcher(text).useTransparentBounds(true);
            matchers.add(m);
            return m;
        }

        void at(Pattern p, int start, String type, List<Token> toks, List<Candidate> out) {
            Matcher m = lookingAt(p, start);
            if (m != null) add(out, type, m.start(), m.end(), text, toks);
        }
    }

    /** True if the word after "30 triệu" makes it a count ("30 triệu người"), not money. */
    private static boolean counted(String text, int end) {
        int a = end;
        while (a < text.length() && text.charAt(a) == ' ') a++;
        int b = a;
        while (b < text.length() && Character.isLetterOrDigit(text.charAt(b))) b++;
        return a > end && b > a && COUNTED.contains(text.substring(a, b).toLowerCase(Locale.ROOT));
    }

    /** A short service number ("113") is a phone only after a call word, or inside a list "113/114/115". */
    private static boolean isServiceCall(String text, Matcher m, int sentenceStart) {
        if (m.group().length() > 4) return true;
        boolean inList = (m.start() > 0 && text.charAt(m.start() - 1) == '/') || (m.end() < text.length() && text.charAt(m.end()) == '/');
        return inList || CALL_CUE.matcher(text.substring(Math.max(sentenceStart, m.start() - 40), m.start())).find();
    }

    /** Adds a pattern match unless it cuts into a URL, e-mail, hashtag or mention ("24h.com.vn"). */
    private static void add(List<Candidate> out, String type, int start, int end, String text, List<Token> toks) {
        for (Token t : toks) {
            boolean opaque = t.type() == Token.Type.URL || t.type() == Token.Type.EMAIL || t.type() == Token.Type.HASHTAG
                    || t.type() == Token.Type.MENTION;
            if (opaque && t.start() < end && start < t.end()) return;
        }
        String id = switch (type) {
            case Entity.PLATE -> "plate:" + NOT_PLATE_CHAR.matcher(text.substring(start, end)).replaceAll("");
            case Entity.ROAD -> "road:" + Lexicon.slug(ROAD_WORD.matcher(text.substring(start, end)).replaceFirst(""));
            default -> null;
        };
        out.add(pattern(type, start, end, text, id));
    }

    private static final Pattern NOT_PLATE_CHAR = Pattern.compile("[^A-Z0-9]");
    private static final Pattern ROAD_WORD = Pattern.compile("^(?i)(đường cao tốc|đường)\\s");

    private static Candidate pattern(String type, int start, int end, String text, String id) {
        return new Candidate(new Entity(type, start, end, text.substring(start, end), id), PATTERN);
    }

    /** The left-to-right token rules of one sentence. */
    private final class Scan {
        private final String text;
        private final List<Token> toks;
        /** The gazetteer's mentions in the sentence, and by the token each starts at (null elsewhere). */
        private final List<Gazetteer.Mention> places;
        private final Gazetteer.Mention[] mentionAt;
        /** Each token in lower case, for the phrase tables. */
        private final String[] lower;
        /** What each token may open ({@link #roles}). */
        private final int[] opens;
        /** Whether each token continues the previous token's word. */
        private final boolean[] continuesWord;
        /** The world places found, by first token: their end token (exclusive), 0 where none starts. */
        private final int[] worldEnd;
        /** Whether the world place starting at a token is a country or region. */
        private final boolean[] countryOrRegionAt;
        /** {@link #isTitleCase} of each token, which the rules ask again and again. */
        private final boolean[] titleCase;

        Scan(String text, List<Token> toks, String[] lower, int[] opens, List<Gazetteer.Mention> places, Gazetteer.Mention[] mentionAt,
             boolean[] continuesWord) {
            this.text = text;
            this.toks = toks;
            this.places = places;
            this.mentionAt = mentionAt;
            this.worldEnd = new int[toks.size()];
            this.countryOrRegionAt = new boolean[toks.size()];
            this.titleCase = new boolean[toks.size()];
            for (int i = 0; i < titleCase.length; i++) titleCase[i] = isTitleCase(toks.get(i));
            this.lower = lower;
            this.opens = opens;
            this.continuesWord = continuesWord;
        }

        /** The longest phrase of {@code table} at token j, or null. */
        private <V> PhraseTable.Match<V> longest(PhraseTable<V> table, int j) {
            return (opens[j] & table.role()) != 0 ? table.longestAt(text, toks, j, toks.size(), lower[j]) : null;
        }

        private boolean isSurname(int j) {
            return (opens[j] & MAY_BE_SURNAME) != 0 && surnames.contains(toks.get(j).text());
        }

        /**
         * Places of world.tsv, before the other rules, which stop a name or extend an organisation at them.
         * A country after "người"/"tiếng" is a nationality or a language. A one-syllable name, or one that is
         * also a common word ("Anh", "Đức", "Nga"), next to another capitalised word is part of a name
         * ("Phú Mỹ", "Mỹ Tâm", "Anh Thư"), unless an office title stands before it ("Thủ tướng Anh Boris
         * Johnson"); an ambiguous one is not taken at the start of a sentence or after "anh/chị/ông…".
         */
        void worldPlaces(List<Candidate> out) {
            for (int i = 0; i < toks.size(); i++) {
                if ((opens[i] & world.role()) == 0 || toks.get(i).type() != Token.Type.WORD) continue;
                PhraseTable.Match<WorldPlace> m = longest(world, i);
                if (m == null || !acceptedWorldPlace(i, m)) continue;
                // Overlapping matches all go in ("biển Đông" and "Đông Nam Á" in "vùng biển Đông Nam Á"):
                // select() keeps the longest.
                worldEnd[i] = m.end();
                countryOrRegionAt[i] = m.value().countryOrRegion();
                out.add(span(Entity.LOCATION, i, m.end(), "place:" + m.value().id(), PLACE));
            }
        }

        private boolean acceptedWorldPlace(int i, PhraseTable.Match<WorldPlace> m) {
            if (i > 0 && joined(i) && NATIONALITY.contains(lower[i - 1])) return false;
            boolean ambiguous = m.value().ambiguous();
            if (m.end() - i > 1 && !ambiguous) return true;
            if (i > 0 && joined(i) && titleCase[i - 1]) return false;
            if (m.end() < toks.size() && joined(m.end()) && titleCase[m.end()]
                    && !(officeTitleEndsAt(i) && looksForeign(toks.get(m.end()).text()))) {
                return false;
            }
            if (!ambiguous) return true;
            return !opensSentence(i) && !(i > 0 && joined(i) && KINSHIP.contains(lower[i - 1]));
        }

        /** True if a title other than a kinship word ends right before token i ("Tổng thống" in "Tổng thống Mỹ"). */
        private boolean officeTitleEndsAt(int i) {
            for (int k = 1; k <= 3 && i - k >= 0; k++) {
                PhraseTable.Match<String> t = longest(titles, i - k);
                if (t != null && t.end() == i && !KINSHIP.contains(t.value())) return joined(i);
            }
            return false;
        }

            /**
         * A word that cannot be a Vietnamese syllable ("Boris", "Joe", "Taylor"): after "Thủ tướng Anh" it
         * starts a foreign name and "Anh" is the country; "Tâm" after "ca sĩ Mỹ" makes "Mỹ Tâm" a name.
         */
        private boolean looksForeign(String word) {
            return !isVietnameseSyllable(TextNormalizer.fold(word));
        }

        private boolean opensSentence(int i) {
            return i == 0 || OPENERS.contains(toks.get(i - 1).text());
        }

        void at(int i, List<Candidate> out) {
            Token t = toks.get(i);
            if (t.type() != Token.Type.WORD && t.type() != Token.Type.ABBREVIATION) return;
            PhraseTable.Match<String> admin = longest(adminWords, i);
            if (admin != null && !followsWord(i, "thành")) {
                PlaceMatch place = placeAfterAdmin(i, admin);
                if (place != null) out.add(new Candidate(place.entity(), PLACE));
            }
            placeAfterHead(i, out);
            PhraseTable.Match<String> road = longest(roadWords, i);
            if (road != null && !followsWord(i, "thành")) namedRoad(i, road.end(), out);
            PhraseTable.Match<String> known = longest(knownOrgs, i);
            if (known != null && !(brands.contains(known.value()) && modelFollows(known.end())) && !inTitle(i)) {
                // Its branch or country may follow: "Hội Chữ thập đỏ tỉnh Lâm Đồng", "Chính phủ Anh".
                PlaceMatch place = known.end() < toks.size() && joined(known.end()) ? placeAt(known.end()) : null;
                out.add(place == null ? span(Entity.ORGANIZATION, i, known.end(), known.value(), ORG)
                        : span(Entity.ORGANIZATION, i, place.end(), known.value() + "-" + place.idPart(), ORG));
            }
            PhraseTable.Match<String> head = longest(orgHeads, i);
            if (head != null && mentionAt[i] == null) organisation(i, head, out);
            clubBeforeProvince(i, out);
            PhraseTable.Match<String> kind = longest(orgClassifiers, i);
            if (kind != null && !continuesWord[i]) namedByKind(kind.end(), out);
            initials(i, out);
            PhraseTable.Match<String> title = longest(titles, i);
            if (title != null) titledPerson(title, out);
            if (isSurname(i)) {
                int end = nameRun(i + 1, 3);
                if (end > i + 1) out.add(person(i, end, SURNAME_PERSON));
            }
            if ((opens[i] & MAY_BE_GIVEN_NAME) != 0 && givenNames.contains(t.text())) {
                int end = foreignNameRun(i + 1, 3);
                if (end > i + 1) out.add(person(i, end, GIVEN_NAME_PERSON));
            }
            foreignPerson(i, out);
            // "Văn Toàn", "Thị Hoa": a name without its surname, as sports pages write players.
            if ((opens[i] & OPENS_VIETNAMESE_NAME) != 0 && titleCase[i] && !(i > 0 && joined(i) && titleCase[i - 1])) {
                int end = nameRun(i + 1, 2);
                if (end > i + 1) out.add(person(i, end, SURNAME_PERSON));
            }
        }

        /** "xã Trảng Bom", "tỉnh Bình Phước", "quận 1": the place after an administrative word, the word included. */
        private PlaceMatch placeAfterAdmin(int i, PhraseTable.Match<String> admin) {
            int j = admin.end();
            if (j >= toks.size() || !joined(j)) return null;
            Token t = toks.get(j);
            int start = toks.get(i).start();
            Gazetteer.Mention m = mentionAt[j];
            if (m != null) {
                return new PlaceMatch(tokenEndingAt(j, m.end()), placeIdPart(m),
                        new Entity(Entity.LOCATION, start, m.end(), text.substring(start, m.end()), provinceId(m.place())));
            }
            if (t.type() == Token.Type.NUMBER && NUMBERED_UNITS.contains(admin.value())) {
                String written = text.substring(start, t.end()), slug = Lexicon.slug(written);
                return new PlaceMatch(j + 1, slug, new Entity(Entity.LOCATION, start, t.end(), written, "place:" + slug));
            }
            int end = j;
            while (end < toks.size() && end - j < 4 && titleCase[end] && (end == j || joined(end))
                    && (end == j || mentionAt[end] == null)) {
                end++;
            }
            if (end == j) return null;
            int stop = toks.get(end - 1).end();
            String name = text.substring(toks.get(j).start(), stop), slug = Lexicon.slug(name);
            String id = gazetteer.lookup(name).map(EntityRecognizer::provinceId).orElseGet(() -> followingProvince(stop));
            return new PlaceMatch(end, slug, new Entity(Entity.LOCATION, start, stop, text.substring(start, stop), id != null ? id : "place:" + slug));
        }

        /**
         * "sông Hồng", "cầu Long Biên", "sân bay Nội Bài": a place-kind word and the capitalised name after
         * it. Not when the word ends another word ("hoạt động", "yêu cầu") or is a surname written with a
         * capital ("Hồ Văn Lan").
         */
        private void placeAfterHead(int i, List<Candidate> out) {
            PhraseTable.Match<String> head = longest(placeHeads, i);
            if (head == null || continuesWord[i] || head.end() >= toks.size() || !joined(head.end())) return;
            if (titleCase[i] && isSurname(i)) return;
            int j = head.end(), end = j;
            // A feature before a country or region is described, not named: "vùng biển Đông Nam Á" is
            // Đông Nam Á ("đảo Hawaii", "bang Florida" are named); a foreign unit keeps its word ("xứ Wales").
            if (countryOrRegionAt[j] && !FOREIGN_UNITS.contains(head.value())) return;
            while (end < toks.size() && end - j < 6) {
                if ((titleCase[end] || (end > j && toks.get(end).type() == Token.Type.NUMBER)) && (end == j || joined(end))) {
                    end++;
                } else if (end == j + 1 && continuesWord[end] && joined(end) && toks.get(end).type() == Token.Type.WORD) {
                    end++; // "Sân bay Quốc tế Đà Nẵng": the rest of the name's first word
                } else if (end > j && gluedHyphen(end)) {
                    end += 2; // "bãi thử Sary-Shagan"
                } else {
                    break;
                }
            }
            if (end == j) return;
            Gazetteer.Mention m = mentionAt[j];
            String id = m != null && tokenEndingAt(j, m.end()) == end ? provinceId(m.place())
                    : "place:" + Lexicon.slug(text.substring(toks.get(i).start(), toks.get(end - 1).end()));
            out.add(span(Entity.LOCATION, i, end, id, PLACE));
        }

        /** True if token i is a hyphen glued between the previous token and a capitalised one ("Sary-Shagan"). */
        private boolean gluedHyphen(int i) {
            return i + 1 < toks.size() && toks.get(i).text().equals("-") && toks.get(i).start() == toks.get(i - 1).end()
                    && toks.get(i + 1).start() == toks.get(i).end() && titleCase[i + 1];
        }

        /** The province of the next gazetteer mention shortly after {@code offset} ("xã X, tỉnh Y"), or null. */
        private String followingProvince(int offset) {
            for (Gazetteer.Mention m : places) {
                if (m.start() >= offset && m.start() - offset <= 30 && text.substring(offset, m.start()).indexOf('.') < 0) {
                    return provinceId(m.place());
                }
            }
            return null;
        }

        private void namedRoad(int i, int j, List<Candidate> out) {
            if (j >= toks.size() || !joined(j)) return;
            int end = j;
            while (end < toks.size() && end - j < 5 && (titleCase[end] || (end > j && toks.get(end).type() == Token.Type.NUMBER))
                    && (end == j || joined(end)) && (end == j || mentionAt[end] == null)) {
                end++;
            }
            if (end == j) return;
            String name = text.substring(toks.get(j).start(), toks.get(end - 1).end());
            out.add(span(Entity.ROAD, i, end, "road:" + Lexicon.slug(name), ROAD));
        }

        /** "Chính phủ" in "Thủ tướng Chính phủ" is part of the title, not the organisation. */
        private boolean inTitle(int i) {
            return lower[i].equals("chính") && i > 0 && joined(i) && lower[i - 1].equals("tướng");
        }

        /** A brand's model right after it ("Samsung Galaxy", "Toyota Vios", "Vivo Y20"): a product, not the company. */
        private boolean modelFollows(int j) {
            if (j >= toks.size() || !joined(j)) return false;
            Token t = toks.get(j);
            if (t.type() == Token.Type.NUMBER || t.text().chars().anyMatch(Character::isDigit)) return true;
            return isCapitalised(t) && mentionAt[j] == null && worldEnd[j] == 0 && longest(orgHeads, j) == null
                    && longest(knownOrgs, j) == null;
        }

        /**
         * Head, then fields, a capitalised name or number, and a place, at least one of them. The name goes
         * on over the rest of a word the segmenter joined to a capitalised syllable ("Cục Hóa chất") and over
         * "và"/"&" between capitalised words ("Bộ Du lịch và Cổ vật Ai Cập"). A head with only an
         * administrative word after it names that level's body ("Công an tỉnh"). After "tại/ở/đến…" a
         * hospital, school or plant is the place someone is at.
         */
        private void organisation(int i, PhraseTable.Match<String> head, List<Candidate> out) {
            List<String> idParts = new ArrayList<>(List.of(head.value()));
            int j = head.end();
            for (int n = 0; n < 3 && j < toks.size() && joined(j); n++) {
                PhraseTable.Match<String> sector = longest(sectors, j);
                if (sector == null) break;
                idParts.add(sector.value());
                j = sector.end();
            }
            int nameStart = j;
            while (j < toks.size() && j - nameStart < 8 && joined(j) && mentionAt[j] == null && worldEnd[j] == 0) {
                Token t = toks.get(j);
                // Over the rest of a word only right after the name's first capitalised syllable: in "Công ty
                // Phương Trang bị lật" the segmenter glued the name's end to a verb.
                boolean continues = j > nameStart && continuesWord[j] && t.type() == Token.Type.WORD && isCapitalised(toks.get(j - 1))
                        && (j - 1 == nameStart || !isCapitalised(toks.get(j - 2)));
                boolean linked = j > head.end() && (lower[j].equals("và") || t.text().equals("&")) && j + 1 < toks.size() && joined(j + 1)
                        && isCapitalised(toks.get(j + 1)) && !startsSomethingElse(j + 1, false);
                boolean name = (isCapitalised(t) || t.type() == Token.Type.NUMBER) && !startsSomethingElse(j, false)
                        && (j == nameStart || !isSurname(j)) && longest(adminWords, j) == null;
                if (!continues && !linked && !name) break;
                j++;
            }
            if (j > nameStart) idParts.add(text.substring(toks.get(nameStart).start(), toks.get(j - 1).end()));
            if (j < toks.size() && joined(j)) {
                PlaceMatch place = placeAt(j);
                if (place != null) {
                    idParts.add(place.idPart());
                    j = place.end();
                } else if (longest(adminWords, j) != null && (j + 1 >= toks.size() || !joined(j + 1) || !isCapitalised(toks.get(j + 1)))) {
                    PhraseTable.Match<String> level = longest(adminWords, j);
                    idParts.add(level.value());
                    j = level.end();
                }
            }
            // A bare head counts only when another organisation follows, to be merged with it
            // ("Phòng CSGT" + "Công an tỉnh Đồng Nai").
            boolean chained = j < toks.size() && joined(j) && (longest(knownOrgs, j) != null
                    || longest(orgHeads, j) != null);
            if (j == head.end() && !chained) return;
            String id = Lexicon.slug(String.join(" ", idParts));
            boolean atPlace = PLACE_LIKE_ORGS.contains(head.value().toLowerCase(Locale.ROOT)) && i > 0 && joined(i) && LOCATIVES.contains(lower[i - 1]);
            out.add(atPlace ? span(Entity.LOCATION, i, j, "place:" + id, ORG) : span(Entity.ORGANIZATION, i, j, "org:" + id, ORG));
        }

        /** A place right at token j: gazetteer, world, or an administrative word and its name. */
        private PlaceMatch placeAt(int j) {
            Gazetteer.Mention m = mentionAt[j];
            if (m != null) return new PlaceMatch(tokenEndingAt(j, m.end()), placeIdPart(m), null);
            int world = worldEnd[j];
            if (world != 0) return new PlaceMatch(world, Lexicon.slug(text.substring(toks.get(j).start(), toks.get(world - 1).end())), null);
            PhraseTable.Match<String> admin = longest(adminWords, j);
            return admin == null ? null : placeAfterAdmin(j, admin);
        }

        /**
         * "tờ Siam Sport", "hãng tin Reuters", "nhóm bảo tồn Borneo Futures": the capitalised name after a
         * word that says it is an organisation (the word itself left out). Not a place, a person's surname,
         * a platform ("kênh YouTube") or a name with digits ("nhóm F1").
         */
        private void namedByKind(int j, List<Candidate> out) {
            if (j >= toks.size() || !joined(j)) return;
            Token first = toks.get(j);
            if (first.type() != Token.Type.WORD || !isCapitalised(first) || PLATFORMS.contains(first.text()) || mentionAt[j] != null
                    || worldEnd[j] != 0 || isSurname(j) || startsSomethingElse(j, false) || !noDigitAfterFirst(first.text())) {
                return;
            }
            int end = j + 1;
            while (end < toks.size() && end - j < 4 && joined(end) && isCapitalised(toks.get(end)) && !startsSomethingElse(end, false)) end++;
            out.add(span(Entity.ORGANIZATION, j, end, "org:" + Lexicon.slug(text.substring(first.start(), toks.get(end - 1).end())), ORG));
        }

        /**
         * "Keanu Reeves", "Riyad Mahrez": two to four capitalised words none of which can be a Vietnamese
         * syllable, none an organisation or event word (foreign-name-stops.txt), not after a word that
         * announces a work or product ("phim Titanic"), are a foreign person's name.
         */
        private void foreignPerson(int i, List<Candidate> out) {
            Token t = toks.get(i);
            if (!titleCase[i] || t.text().length() < 2 || foreignNameStops.contains(t.text()) || !looksForeign(t.text())) return;
            if (i > 0 && joined(i) && ((isCapitalised(toks.get(i - 1)) && !opensSentence(i - 1)) || WORK_CUES.contains(lower[i - 1])
                    || (i > 1 && joined(i - 1) && WORK_CUES.contains(lower[i - 2] + " " + lower[i - 1])))) {
                return;
            }
            if (startsSomethingElse(i, false)) return;
            int end = i + 1;
            while (end < toks.size() && end - i < 4 && joined(end) && titleCase[end] && toks.get(end).text().length() > 1
                    && looksForeign(toks.get(end).text()) && !foreignNameStops.contains(toks.get(end).text()) && !startsSomethingElse(end, true)) {
                end++;
            }
            if (end - i < 2 || (end < toks.size() && joined(end) && isCapitalised(toks.get(end)))) return;
            out.add(person(i, end, SURNAME_PERSON));
        }

        /** "HA Gia Lai", "SHB Đà Nẵng": initials right before a province name a club or company of it. */
        private void clubBeforeProvince(int i, List<Candidate> out) {
            if (i + 1 >= toks.size() || mentionAt[i + 1] == null || !joined(i + 1)) return;
            Token t = toks.get(i);
            int n = t.text().length();
            if (t.type() != Token.Type.WORD || n < 2 || n > 5 || !isAllCapitals(t.text())) return;
            Gazetteer.Mention m = mentionAt[i + 1];
            if (longest(adminWords, i) != null || longest(orgHeads, i) != null || longest(roadWords, i) != null) return;
            int end = tokenEndingAt(i + 1, m.end());
            out.add(span(Entity.ORGANIZATION, i, end, "org:" + Lexicon.slug(text.substring(t.start(), m.end())), ORG));
        }

        /** "N.V.K", "H.T.P.", "M.Khương": the press's initials; not "Q.Tân Bình" or "P.Bến Nghé" (quận, phường). */
        private void initials(int i, List<Candidate> out) {
            Token t = toks.get(i);
            // The tokenizer keeps "N.V.K" and "M.Khương" whole; a lone capital before a stop may start them too.
            String w = t.text();
            if (!Character.isUpperCase(w.charAt(0))) return;
            boolean glued = w.length() >= 3 && w.charAt(1) == '.' && Character.isUpperCase(w.charAt(2));
            boolean lone = w.length() == 1 && t.end() + 1 < text.length() && text.charAt(t.end()) == '.' && Character.isUpperCase(text.charAt(t.end() + 1));
            if (!glued && !lone) return;
            Matcher m = INITIALS.matcher(text).region(t.start(), text.length());
            if (!m.lookingAt() || m.end() < t.end()) return; // initials cover whole tokens, not part of "N.V.Kxx"
            if (m.group(1) != null) {
                char c = m.group(1).charAt(0);
                int name = m.start() + 2;
                if (c == 'Q' || c == 'P' || places.stream().anyMatch(p -> p.start() == name)) return;
            }
            int end = i;
            while (end < toks.size() && toks.get(end).end() <= m.end()) end++;
            String written = text.substring(t.start(), toks.get(end - 1).end());
            out.add(new Candidate(new Entity(Entity.PERSON, t.start(), toks.get(end - 1).end(), written, "person:" + Lexicon.slug(written)),
                    GIVEN_NAME_PERSON));
        }

        /**
         * Title + capitalised name. After an office title a field or a place may come first ("Bộ trưởng Quốc
         * phòng Phan Văn Giang", "Tổng thống Mỹ Joe Biden"); a kinship word takes the name directly ("anh
         * Thái Bình").
         */
        private void titledPerson(PhraseTable.Match<String> title, List<Candidate> out) {
            int j = title.end();
            if (j >= toks.size() || !joined(j)) return;
            if (!KINSHIP.contains(title.value())) {
                PhraseTable.Match<String> sector = longest(sectors, j);
                PlaceMatch place = sector == null ? placeAt(j) : null;
                int after = sector != null ? sector.end() : place != null ? place.end() : j;
                if (after > j) {
                    if (after >= toks.size() || !joined(after)) return;
                    j = after;
                }
            }
            if (startsSomethingElse(j, false) || toks.get(j).text().equals("The")) return;
            int end = nameRun(j, 4);
            // A lone capital is a name only as an initial with its stop ("anh H."), not "ngôi sao G".
            boolean loneLetter = end == j + 1 && toks.get(j).text().length() == 1
                    && (toks.get(j).end() >= text.length() || text.charAt(toks.get(j).end()) != '.');
            if (end > j && !loneLetter) out.add(person(j, end, TITLED_PERSON));
        }

        /** End (exclusive) of a run of up to {@code max} capitalised name syllables from token j. */
        private int nameRun(int j, int max) {
            int end = j;
            while (end < toks.size() && end - j < max && titleCase[end] && joined(end)
                    && (end == j || !startsSomethingElse(end, true))) {
                end++;
            }
            return end;
        }

        /** Like {@link #nameRun}, also over the lower-case particles of foreign names ("von der Leyen"). */
        private int foreignNameRun(int j, int max) {
            int end = j, names = 0;
            while (end < toks.size() && names < max && joined(end)) {
                if (NAME_PARTICLES.contains(toks.get(end).text()) && end + 1 < toks.size() && joined(end + 1) && titleCase[end + 1]) {
                    end++;
                    continue;
                }
                if (!titleCase[end] || startsSomethingElse(end, true)) break;
                end++;
                names++;
            }
            return names == 0 ? j : end;
        }

        /**
         * True if a place, organisation, title or road starts at token j: a name stops there. Inside a
         * name ({@code inName}) a one-syllable gazetteer place does not stop it: "Vinh" and "Huế" are given
         * names too ("Trương Thế Vinh").
         */
        private boolean startsSomethingElse(int j, boolean inName) {
            Gazetteer.Mention m = mentionAt[j];
            if (m != null && !(inName && m.end() == toks.get(j).end())) return true;
            if (worldEnd[j] != 0 || longest(knownOrgs, j) != null || longest(orgHeads, j) != null) return true;
            // Only titles of two syllables or more ("Giám đốc", "Thượng tá"): Anh, Cô, Bé are given names too.
            PhraseTable.Match<String> title = longest(titles, j);
            return title != null && title.end() - j >= 2;
        }

        private Candidate person(int from, int to, int priority) {
            int start = toks.get(from).start(), end = toks.get(to - 1).end();
            String written = text.substring(start, end);
            return new Candidate(new Entity(Entity.PERSON, start, end, written, "person:" + Lexicon.slug(written)), priority);
        }

        private Candidate span(String type, int from, int to, String id, int priority) {
            int start = toks.get(from).start(), end = toks.get(to - 1).end();
            return new Candidate(new Entity(type, start, end, text.substring(start, end), id), priority);
        }

        /** True if token j follows token j-1 after exactly one space. */
        private boolean joined(int j) {
            return j > 0 && toks.get(j).start() - toks.get(j - 1).end() == 1 && text.charAt(toks.get(j).start() - 1) == ' ';
        }

        private boolean followsWord(int i, String lower) {
            return i > 0 && joined(i) && toks.get(i - 1).text().equalsIgnoreCase(lower);
        }

        private int tokenEndingAt(int j, int end) {
            while (j < toks.size() && toks.get(j).end() < end) j++;
            return j + 1;
        }
    }

    /**
     * True if {@code folded} (lower case, no diacritics) is onset + one to three vowels + final, as every
     * Vietnamese syllable is. By hand rather than by a regex: it runs for every capitalised word.
     */
    static boolean isVietnameseSyllable(String folded) {
        for (String onset : ONSETS) {
            if (!folded.startsWith(onset)) continue;
            int v = onset.length(), end = v;
            while (end < folded.length() && end - v < 3 && "aeiouy".indexOf(folded.charAt(end)) >= 0) end++;
            if (end == v) continue;
            for (String fin : FINALS) {
                if (folded.length() - end == fin.length() && folded.startsWith(fin, end)) return true;
            }
        }
        return false;
    }

    private static String placeIdPart(Gazetteer.Mention m) {
        // A former province keeps its own name in an organisation's id: "Công an tỉnh Bình Phước" was not
        // the police of today's Đồng Nai.
        return m.place().former() ? Lexicon.slug(m.written()) : provinceSlug(m.currentProvince());
    }

    private static final Map<String, String> PROVINCE_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    static String provinceId(Gazetteer.Place place) {
        return PROVINCE_IDS.computeIfAbsent(place.currentProvince(), p -> "province:" + provinceSlug(p));
    }

    /** Slugs of the gazetteer's current provinces (a few dozen): folding Unicode for every mention was measurable. */
    private static final Map<String, String> PROVINCE_SLUGS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String provinceSlug(String currentProvince) {
        return PROVINCE_SLUGS.computeIfAbsent(currentProvince, p -> Lexicon.slug(p.replaceFirst("^TP ", "")));
    }

    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");

    private static String phoneId(String written) {
        String digits = NOT_DIGIT.matcher(written).replaceAll("");
        return "phone:" + (digits.startsWith("84") && digits.length() >= 11 ? "0" + digits.substring(2) : digits);
    }

    /** A name syllable: capital first, not an acronym ("Hùng", "A"; not "UBND"). */
    private static boolean isTitleCase(Token t) {
        String s = t.text();
        return t.type() == Token.Type.WORD && Character.isUpperCase(s.charAt(0)) && (s.length() == 1 || !isAllCapitals(s))
                && noDigitAfterFirst(s);
    }

    /**
     * {@code s.equals(s.toUpperCase(Locale.ROOT))}, without making the upper-case copy for the usual
     * name ("Hùng"): a character that upper-cases to another one already makes them differ.
     */
    private static boolean isAllCapitals(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.toUpperCase(s.charAt(i)) != s.charAt(i)) return false;
        }
        return s.equals(s.toUpperCase(Locale.ROOT)); // no copy now, unless a letter upper-cases to several ("ß")
    }

    private static boolean noDigitAfterFirst(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) return false;
        }
        return true;
    }

    private static boolean isCapitalised(Token t) {
        return (t.type() == Token.Type.WORD || t.type() == Token.Type.ABBREVIATION) && Character.isUpperCase(t.text().charAt(0));
    }

    /** Longest spans first (ties by priority, then position), never overlapping; result in text order. */
    private static List<Entity> select(List<Candidate> candidates) {
        candidates.sort(Comparator.comparingInt(Candidate::length).reversed()
                .thenComparing(Comparator.comparingInt(Candidate::priority).reversed())
                .thenComparingInt(c -> c.entity().start()));
        List<Entity> chosen = new ArrayList<>();
        for (Candidate c : candidates) {
            Entity e = c.entity();
            if (!overlapsAny(chosen, e)) chosen.add(e);
        }
        chosen.sort(Comparator.comparingInt(Entity::start));
        return chosen;
    }

    private static boolean overlapsAny(List<Entity> chosen, Entity e) {
        for (Entity o : chosen) {
            if (o.start() < e.end() && e.start() < o.end()) return true;
        }
        return false;
    }

    private static List<Entity> mergeOrganisations(String text, List<Entity> entities) {
        List<Entity> out = new ArrayList<>(entities.size());
        for (Entity e : entities) {
            Entity last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.type().equals(Entity.ORGANIZATION) && e.type().equals(Entity.ORGANIZATION)
                    && e.start() == last.end() + 1 && text.charAt(last.end()) == ' ') {
                out.set(out.size() - 1, new Entity(Entity.ORGANIZATION, last.start(), e.end(), text.substring(last.start(), e.end()),
                        last.canonicalId() + "-" + e.canonicalId().substring("org:".length())));
            } else {
                out.add(e);
            }
        }
        return out;
    }
}
