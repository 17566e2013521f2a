package vn.iocstream.jobs.detectors.trend;

import vn.iocstream.jobs.detectors.PostFacets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.model.EnrichedPost;
import vn.iocstream.core.model.EntityMention;
import vn.iocstream.nlp.TextNormalizer;
import vn.iocstream.nlp.WordSegmenter;

/**
 * The keys a post is counted under: each watchlist it matches, each person and organisation (canonical id), its
 * locality (current province), its story, and the key phrases of its headline.
 *
 * <p>Key phrases are the cheap kind: the headline (or, for a post without one, the start of its text) is
 * normalised and segmented into words; words on a stoplist of function words and newsroom boilerplate, numbers
 * and dates break the text into runs of content words. Every two adjacent content words form a phrase
 * ("super league", "kri nanggala"), and a single content word is a phrase when it has two or more syllables
 * ("tàu ngầm") or is capitalised inside the sentence (a name: "Indonesia"). Frequent phrases are harmless: each
 * key is judged against its own baseline. Place entities are left to the locality key (a place named in the
 * headline is still a phrase).
 */
public final class TrendKeys {
    public static final String WATCHLIST = "watchlist";
    public static final String ENTITY = "entity";
    public static final String PHRASE = "phrase";
    public static final String LOCALITY = "locality";
    public static final String STORY = "story";

    private static final Set<String> ENTITY_TYPES = Set.of("PERSON", "ORGANIZATION");
    /** Text used for the phrases of a post without a headline (a social post, a comment). */
    private static final int UNTITLED_CHARS = 280;
    private static final Set<String> STOPWORDS = stopwords();

    private final WordSegmenter segmenter;
    private final Map<String, String> watchlistTitles;
    private final int maxPhrases;

    /**
     * @param watchlistTitles watchlist name → title, for labels
     * @param maxPhrases      key phrases taken from one post at most, in text order
     */
    public TrendKeys(WordSegmenter segmenter, Map<String, String> watchlistTitles, int maxPhrases) {
        this.segmenter = segmenter;
        this.watchlistTitles = Map.copyOf(watchlistTitles);
        this.maxPhrases = maxPhrases;
    }

    /** One hit per distinct key of the post. */
    public List<TrendHit> hits(EnrichedPost post) {
        Map<String, TrendHit> hits = new LinkedHashMap<>();
        List<String[]> phrases = phrases(headline(post));
        PostFacets facets = PostFacets.of(post, phrases);
        for (String w : post.watchlists()) put(hits, post, facets, WATCHLIST, w, watchlistTitles.getOrDefault(w, w));
        for (EntityMention e : post.entities()) {
            if (ENTITY_TYPES.contains(e.type()) && !e.canonicalId().isEmpty()) put(hits, post, facets, ENTITY, e.canonicalId(), e.text());
        }
        if (post.province() != null && !post.province().isEmpty()) put(hits, post, facets, LOCALITY, post.province(), post.province());
        if (post.storyId() != null) put(hits, post, facets, STORY, post.storyId(), headline(post));
        for (String[] phrase : phrases) put(hits, post, facets, PHRASE, phrase[0], phrase[1]);
        return List.copyOf(hits.values());
    }

    private static void put(Map<String, TrendHit> hits, EnrichedPost post, PostFacets facets, String type, String key,
                            String label) {
        boolean social = RawPost.socialText(post.kind());
        TrendHit hit = new TrendHit(type, key, label, post.id(), post.publishedAt().toEpochMilli(), social,
                "negative".equals(post.sentiment()), facets);
        hits.putIfAbsent(hit.groupKey(), hit);
    }

    /** Key phrases of a text as {lower-case key, as written}, in text order, at most {@code maxPhrases}. */
    public List<String[]> phrases(String text) {
        List<String[]> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String sentence : TextNormalizer.normalize(text).split("[.,!?:;\"“”()\\[\\]–]+|\\s-\\s")) {
            List<String> words = segmenter.segment(sentence);
            for (int i = 0; i < words.size() && out.size() < maxPhrases; i++) {
                String w = words.get(i);
                if (!isContent(w)) continue;
                if (w.indexOf(' ') > 0 || (i > 0 && Character.isUpperCase(w.codePointAt(0)))) add(out, seen, w);
                if (i + 1 < words.size() && isContent(words.get(i + 1)) && out.size() < maxPhrases) {
                    add(out, seen, w + " " + words.get(i + 1));
                }
            }
        }
        return out;
    }

    private static void add(List<String[]> out, Set<String> seen, String phrase) {
        String key = phrase.toLowerCase(Locale.ROOT);
        if (seen.add(key)) out.add(new String[] {key, phrase});
    }

    private static boolean isContent(String word) {
        return word.codePoints().anyMatch(Character::isLetter) && word.length() > 1
                && !STOPWORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static String headline(EnrichedPost post) {
        if (post.title() != null && !post.title().isBlank()) return post.title();
        String text = post.text() == null ? "" : post.text();
        return text.length() <= UNTITLED_CHARS ? text : text.substring(0, UNTITLED_CHARS);
    }

    private static Set<String> stopwords() {
        Set<String> words = new HashSet<>();
        try (InputStream in = TrendKeys.class.getResourceAsStream("stopwords.txt")) {
            if (in == null) throw new IllegalStateException("stopwords.txt missing from the classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) words.add(TextNormalizer.normalize(word).toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
