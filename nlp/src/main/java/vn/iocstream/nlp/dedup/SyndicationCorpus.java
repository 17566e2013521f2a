package vn.iocstream.nlp.dedup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Posts with known stories, for measuring story grouping: articles, their copies republished by other outlets
 * ({@link Syndicator}) and, for generated events, follow-up articles about the same event, which are stories of
 * their own. Seeded: a seed gives the same corpus.
 *
 * <p>Generated events ({@link #generate}) are built from the pieces in {@code syndication.txt}: ten kinds of local
 * news (traffic accidents, fires, floods, drug busts, online fraud, food poisoning, land clearance, dengue, unpaid
 * wages, school fees), each event with its own places, people, numbers and times, so that two events of one kind
 * share the press's formulae but not their facts. Real articles ({@link #syndicate}) get the same copies.
 */
public final class SyndicationCorpus {
    /** A post and its true story: the id of the article it copies, or its own. */
    public record Post(String id, String outlet, String title, String body, long timeMs, String story) {}

    /** A real article to republish: headline, sentences, publication day. */
    public record Source(String id, String title, List<String> sentences, LocalDate day) {}

    static final String[] KINDS = {"taiNan", "chay", "muaLu", "maTuy", "luaDao", "ngoDoc", "datDai", "dichBenh",
        "laoDong", "giaoDuc"};
    private static final long HOUR = 3_600_000L;
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d/M");
    /** Generated events start within this span: longer than the 48 h story window, so stories also expire. */
    private static final long SPAN_MS = 96 * HOUR;
    private static final Instant START = Instant.parse("2026-11-16T00:00:00Z");

    private final Templates templates = Templates.load();
    private final Syndicator syndicator;
    private final Random random;
    private final List<Post> posts = new ArrayList<>();
    private final List<String> headlines = new ArrayList<>();
    private final HouseStyle style = new HouseStyle(templates.section("style"));

    private SyndicationCorpus(Syndicator.Edits edits, long seed) {
        this.syndicator = new Syndicator(templates, edits);
        this.random = new Random(seed);
    }

    /** {@code events} generated events with their copies and follow-ups, in publication order. */
    public static List<Post> generate(int events, long seed, String edits) {
        SyndicationCorpus corpus = new SyndicationCorpus(Syndicator.Edits.named(edits), seed);
        // Related links point to other news; the first events need some that are not theirs.
        for (int i = 0; i < 30; i++) {
            corpus.headlines.add(Templates.fill(corpus.templates.pick(KINDS[i % KINDS.length] + ".title", corpus.random),
                    corpus.slots(START.toEpochMilli()), corpus.random));
        }
        for (int e = 0; e < events; e++) corpus.event("e" + e);
        return corpus.sorted();
    }

    /** The real articles, each as published plus its copies, in publication order. */
    public static List<Post> syndicate(List<Source> sources, long seed, String edits) {
        SyndicationCorpus corpus = new SyndicationCorpus(Syndicator.Edits.named(edits), seed);
        for (Source s : sources) corpus.headlines.add(s.title());
        for (Source s : sources) corpus.real(s);
        return corpus.sorted();
    }

    private void event(String id) {
        String kind = KINDS[random.nextInt(KINDS.length)];
        long time = START.toEpochMilli() + (long) (random.nextDouble() * SPAN_MS);
        Map<String, String> slots = slots(time);
        Syndicator.Outlet origin = syndicator.outlets().get(random.nextInt(syndicator.outlets().size()));
        Syndicator.Article original = original(kind, slots);
        headlines.add(original.title());
        publish(id, origin, original, time, () -> Templates.fill(templates.pick(kind + ".lead", random), slots, random),
                () -> otherTitle(original.title(), kind, slots));
        // Each follow-up reports its own development: its own lead and its own share of the follow-up facts.
        List<String> leads = sample(templates.section(kind + ".followLead"), 2);
        List<String> facts = sample(templates.section(kind + ".followBody"), Integer.MAX_VALUE);
        Collections.shuffle(facts, random);
        int followUps = pick(0.45, 0.35, 0.2);
        for (int f = 0; f < followUps; f++) {
            long at = time + (long) ((6 + random.nextDouble() * 34) * HOUR);
            Syndicator.Outlet outlet = syndicator.outlets().get(random.nextInt(syndicator.outlets().size()));
            List<String> share = facts.subList(f * facts.size() / 2, (f + 1) * facts.size() / 2);
            Syndicator.Article followUp = followUp(kind, slots, leads.get(f), share, original.paragraphs().get(0), outlet.name());
            headlines.add(followUp.title());
            long day = at;
            publish(id + "f" + f, outlet, followUp, at, () -> restated(followUp.title(), day),
                    () -> List.of("Tin mới: ", "Diễn biến mới: ", "Cập nhật: ").get(random.nextInt(3)) + followUp.title());
        }
    }

    private void real(Source s) {
        long time = s.day().atStartOfDay(VIETNAM).toInstant().toEpochMilli() + (long) ((6 + random.nextDouble() * 15) * HOUR);
        List<String> paragraphs = paragraphs(s.sentences());
        Syndicator.Outlet dantri = syndicator.outlets().get(0);
        // A real lead cannot be rewritten from templates: the copy's lead restates the headline, as sapos often do.
        publish(s.id(), dantri, new Syndicator.Article(s.title(), paragraphs), time, () -> restated(s.title(), time),
                () -> "Tin mới: " + s.title());
    }

    /** A headline of the kind other than the original's (a copy always gets its own). */
    private String otherTitle(String original, String kind, Map<String, String> slots) {
        for (int tries = 0; ; tries++) {
            String title = Templates.fill(templates.pick(kind + ".title", random), slots, random);
            if (!title.equals(original) || tries == 20) return tries == 20 ? "Tin mới: " + original : title;
        }
    }

    /** A rewritten lead that restates the headline with a dateline. */
    private static String restated(String title, long time) {
        return "Ngày " + DAY_MONTH.format(Instant.ofEpochMilli(time).atOffset(VIETNAM)) + ", " + title + ".";
    }

    /** An article and its copies: 0–4 other outlets, within 12 hours. */
    private void publish(String id, Syndicator.Outlet outlet, Syndicator.Article article, long time,
                         Supplier<String> newLead, Supplier<String> newTitle) {
        posts.add(new Post(id, outlet.name(), article.title(), article.body(), time, id));
        int copies = pick(0.35, 0.25, 0.2, 0.12, 0.08);
        for (int c = 0; c < copies; c++) {
            Syndicator.Outlet other = syndicator.outletOtherThan(outlet.name(), random);
            Syndicator.Article copy = syndicator.copy(article, outlet.name(), other, newTitle.get(), newLead,
                    () -> headlines.get(random.nextInt(headlines.size())), random);
            long at = time + (long) ((0.2 + random.nextDouble() * 11.8) * HOUR);
            posts.add(new Post(id + "c" + c, other.name(), copy.title(), copy.body(), at, id));
        }
    }

    private Syndicator.Article original(String kind, Map<String, String> slots) {
        List<String> sentences = new ArrayList<>();
        for (String t : sample(templates.section(kind + ".body"), 4 + random.nextInt(3))) sentences.add(Templates.fill(t, slots, random));
        for (String t : sample(templates.section("context"), 2 + random.nextInt(2))) {
            sentences.add(random.nextInt(sentences.size() + 1), Templates.fill(t, slots, random));
        }
        if (random.nextDouble() < 0.8) {
            sentences.add(1 + random.nextInt(sentences.size()), Templates.fill(templates.pick(kind + ".quote", random), slots, random));
        }
        if (random.nextDouble() < 0.3) sentences.add(Templates.fill(templates.pick("close", random), slots, random));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(Templates.fill(templates.pick(kind + ".lead", random), slots, random));
        paragraphs.addAll(paragraphs(sentences));
        paragraphs.replaceAll(style.draw(random));
        return new Syndicator.Article(Templates.fill(templates.pick(kind + ".title", random), slots, random), paragraphs);
    }

    /**
     * A later article about the same event: its own lead and body, often a background paragraph that repeats the
     * first article's lead ("Như … đã đưa tin, …"), as Vietnamese follow-ups do.
     */
    private Syndicator.Article followUp(String kind, Map<String, String> slots, String leadTemplate, List<String> facts,
                                        String firstLead, String outlet) {
        List<String> sentences = new ArrayList<>();
        for (String t : facts) sentences.add(Templates.fill(t, slots, random));
        if (random.nextDouble() < 0.6) {
            sentences.add(random.nextInt(sentences.size() + 1), Templates.fill(templates.pick("context", random), slots, random));
        }
        if (random.nextDouble() < 0.7) {
            Map<String, String> background = new HashMap<>(slots);
            background.put("lead", firstLead);
            background.put("outletName", outlet);
            sentences.add(random.nextInt(2), Templates.fill(templates.pick("followBackground", random), background, random));
        }
        if (random.nextDouble() < 0.3) {
            sentences.add(random.nextInt(sentences.size() + 1), Templates.fill(templates.pick(kind + ".quote", random), slots, random));
        }
        if (random.nextDouble() < 0.3) sentences.add(Templates.fill(templates.pick("close", random), slots, random));
        String lead = Templates.fill(leadTemplate, slots, random);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(lead);
        paragraphs.addAll(paragraphs(sentences));
        paragraphs.replaceAll(style.draw(random));
        return new Syndicator.Article(headline(lead), paragraphs);
    }

    /** Sentences grouped into paragraphs of one or two, as the press lays them out. */
    private List<String> paragraphs(List<String> sentences) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); ) {
            int n = i == 0 || random.nextBoolean() ? 1 : 2;
            out.add(String.join(" ", sentences.subList(i, Math.min(sentences.size(), i + n))));
            i += n;
        }
        return out;
    }

    /** The first clause of a lead, as a headline. */
    private static String headline(String lead) {
        int comma = lead.indexOf(", ", 30);
        String h = comma > 0 ? lead.substring(0, comma) : lead;
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** {@code n} items of the list in their order (the narrative order of a body). */
    private List<String> sample(List<String> items, int n) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) idx.add(i);
        Collections.shuffle(idx, random);
        List<Integer> chosen = new ArrayList<>(idx.subList(0, Math.min(n, idx.size())));
        chosen.sort(null);
        List<String> out = new ArrayList<>();
        for (int i : chosen) out.add(items.get(i));
        return out;
    }

    /** The facts of one event: places, people, numbers and times, the same in all its articles. */
    private Map<String, String> slots(long time) {
        Map<String, String> s = new HashMap<>();
        String[] province = templates.pick("slot.tinh", random).split("\\|");
        s.put("tinh", province[0]);
        s.put("tinhCu", province[1]);
        s.put("xa", templates.pick("slot.xa", random));
        for (String k : List.of("duong", "xe", "coSo", "monAn", "chat", "duAn", "truong")) {
            s.put(k, templates.pick("slot." + k, random));
        }
        for (int i = 1; i <= 3; i++) s.put("nguoi" + i, person());
        s.put("canBo", person());
        s.put("tuoi1", String.valueOf(19 + random.nextInt(45)));
        s.put("tuoi2", String.valueOf(4 + random.nextInt(75)));
        s.put("que1", templates.pick("slot.xa", random));
        s.put("que2", templates.pick("slot.xa", random));
        s.put("huong", "từ trung tâm tỉnh về " + templates.pick("slot.xa", random));
        var local = Instant.ofEpochMilli(time).atOffset(VIETNAM);
        int hour = local.getHour() < 5 ? 5 + local.getHour() : local.getHour();
        s.put("gio", hour + " giờ" + (random.nextBoolean() ? "" : " " + (15 * (1 + random.nextInt(3)))));
        s.put("gio2", Math.min(23, hour + 2 + random.nextInt(3)) + " giờ");
        s.put("buoi", hour < 11 ? "sáng" : hour < 13 ? "trưa" : hour < 18 ? "chiều" : "tối");
        s.put("ngay", DAY_MONTH.format(local));
        s.put("ngay0", DAY_MONTH.format(local.minusDays(1)));
        s.put("ngay2", DAY_MONTH.format(local.plusDays(1 + random.nextInt(3))));
        s.put("so1", String.valueOf(2 + random.nextInt(8)));
        s.put("so2", String.valueOf(12 + random.nextInt(84)));
        s.put("so3", String.valueOf(105 + random.nextInt(880)));
        s.put("chet", String.valueOf(1 + random.nextInt(4)));
        s.put("thuong", String.valueOf(1 + random.nextInt(6)));
        s.put("mot", List.of("một", "hai", "ba").get(random.nextInt(3)));
        s.put("tien", random.nextBoolean() ? (1 + random.nextInt(9)) + "," + random.nextInt(10) + " tỷ đồng"
                : (1 + random.nextInt(9)) * 100 + random.nextInt(10) * 10 + " triệu đồng");
        s.put("tien2", (5 + random.nextInt(90)) + " triệu đồng");
        s.put("dienTich", (1 + random.nextInt(9)) + "." + (random.nextBoolean() ? "000" : "500") + " m2");
        s.put("km", "Km " + (10 + random.nextInt(1900)) + "+" + random.nextInt(10) + "00");
        s.put("bienSo", (11 + random.nextInt(88)) + "" + (char) ('A' + random.nextInt(8)) + "-" + (100 + random.nextInt(900))
                + "." + (10 + random.nextInt(90)));
        s.put("namDuAn", String.valueOf(2008 + random.nextInt(12)));
        s.put("chucVu", Templates.fill(templates.pick("chucVu", random), s, random));
        return s;
    }

    private String person() {
        return templates.pick("slot.ho", random) + " " + templates.pick("slot.dem", random) + " " + templates.pick("slot.ten", random);
    }

    /** An index drawn with the given probabilities (the rest, if they sum under 1, goes to the last). */
    private int pick(double... p) {
        double r = random.nextDouble();
        for (int i = 0; i < p.length; i++) {
            r -= p[i];
            if (r < 0) return i;
        }
        return p.length - 1;
    }

    private List<Post> sorted() {
        posts.sort(Comparator.comparingLong(Post::timeMs).thenComparing(Post::id));
        return List.copyOf(posts);
    }
}
