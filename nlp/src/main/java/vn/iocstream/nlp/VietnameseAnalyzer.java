package vn.iocstream.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.core.geo.VietnameseKeys;
import vn.iocstream.core.model.EntityMention;
import vn.iocstream.nlp.segment.Segmenters;
import vn.iocstream.nlp.sentiment.LinearSentimentModel;
import vn.iocstream.nlp.sentiment.SentimentClassifier;

/**
 * The whole Vietnamese pipeline for one post: normalise (plus teencode expansion for social posts and
 * comments), split sentences, segment words, find places, score sentiment, match watchlists,
 * fingerprint. Construction only compiles the watchlist queries (lexicons are loaded once per JVM), so
 * a Flink operator builds one in {@code open()}; the analyzer is not Serializable on purpose.
 *
 * <pre>{@code
 * var analyzer = new VietnameseAnalyzer(config.watchlists(), Gazetteer.load());
 * Analysis a = analyzer.analyze("ko bt dc ai chiu trach nhiem vs vu tai nan nay", "comment", "facebook");
 * }</pre>
 */
public final class VietnameseAnalyzer {

    private final WatchlistMatcher watchlists;
    private final Gazetteer gazetteer;
    private final WordSegmenter segmenter;
    private final SentimentClassifier sentiment;

    /** @throws QueryException if a watchlist query is malformed */
    public VietnameseAnalyzer(List<IocConfig.Watchlist> watchlists, Gazetteer gazetteer) {
        this(watchlists, gazetteer, Segmenters.defaultSegmenter(), LinearSentimentModel.builtIn());
    }

    /** With another word segmenter (e.g. a trained one) and sentiment classifier. */
    public VietnameseAnalyzer(List<IocConfig.Watchlist> watchlists, Gazetteer gazetteer, WordSegmenter segmenter,
                              SentimentClassifier sentiment) {
        this.watchlists = new WatchlistMatcher(watchlists);
        this.gazetteer = gazetteer;
        this.segmenter = segmenter;
        this.sentiment = sentiment;
    }

    /**
     * The analyzer a configuration asks for: {@code nlp.segmenter}/{@code segmenterModel} and
     * {@code nlp.sentimentModel} (empty: the shipped model).
     */
    public static VietnameseAnalyzer forConfig(List<IocConfig.Watchlist> watchlists, IocConfig.Nlp nlp) {
        SentimentClassifier sentiment;
        try {
            sentiment = nlp.sentimentModel() == null || nlp.sentimentModel().isBlank()
                    ? LinearSentimentModel.builtIn() : LinearSentimentModel.load(Path.of(nlp.sentimentModel()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load sentiment model " + nlp.sentimentModel() + ": " + e.getMessage(), e);
        }
        return new VietnameseAnalyzer(watchlists, Gazetteer.load(), Segmenters.create(nlp.segmenter(), nlp.segmenterModel()),
                sentiment);
    }

    /**
     * @param text   raw text (title and body joined by the caller)
     * @param kind   "press", "social" or "comment"; social posts and comments get teencode expansion,
     *               anything else is treated as press
     * @param source the source name; not used by this version's rules, kept so that per-source
     *               handling does not change the signature
     */
    public Analysis analyze(String text, String kind, String source) {
        boolean social = "social".equals(kind) || "comment".equals(kind);
        String normalized = social ? TextNormalizer.normalizeSocial(text) : TextNormalizer.normalize(text);
        List<String> sentences = Tokenizer.sentences(normalized);
        List<String> words = new ArrayList<>();
        for (String sentence : sentences) words.addAll(segmenter.segment(sentence));

        Set<String> places = new LinkedHashSet<>();
        List<EntityMention> entities = new ArrayList<>();
        Map<String, Integer> provinceCounts = new LinkedHashMap<>();
        for (Gazetteer.Mention m : gazetteer.find(normalized)) {
            places.add(m.written());
            entities.add(new EntityMention("LOCATION", "province:" + VietnameseKeys.slug(m.currentProvince()), m.written()));
            provinceCounts.merge(m.currentProvince(), 1, Integer::sum);
        }
        // Insertion order is first-mention order, and the reduction keeps the earlier of equal counts.
        String province = provinceCounts.entrySet().stream()
                .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                .map(Map.Entry::getKey).orElse("");

        Sentiment s = documentSentiment(sentences);
        return new Analysis(normalized, List.copyOf(sentences), List.copyOf(words), List.copyOf(places),
                List.copyOf(entities), province,
                s.label(), s.score(), watchlists.matches(normalized), Fingerprints.simhash(normalized));
    }

    /**
     * The classifier learnt from single sentences, so a document is judged sentence by sentence: its label is
     * the sign of its opinionated sentences (an accident report stays negative when it ends with a neutral
     * "police are investigating"), its score the mean over all sentences.
     */
    private Sentiment documentSentiment(List<String> sentences) {
        if (sentences.isEmpty()) return new Sentiment("neutral", 0);
        double opinionated = 0;
        double total = 0;
        for (String sentence : sentences) {
            Sentiment s = sentiment.classify(sentence);
            total += s.score();
            if (!"neutral".equals(s.label())) opinionated += s.score();
        }
        String label = opinionated > 0 ? "positive" : opinionated < 0 ? "negative" : "neutral";
        return new Sentiment(label, total / sentences.size());
    }
}
