package vn.iocstream.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.iocstream.core.model.RawPost;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.core.model.EntityMention;
import vn.iocstream.nlp.entity.Entity;
import vn.iocstream.nlp.pipeline.PipelineAnnotations;
import vn.iocstream.nlp.pipeline.VietnamesePipeline;
import vn.iocstream.nlp.segment.Segmenters;
import vn.iocstream.nlp.watch.WatchDocument;
import vn.iocstream.nlp.watch.WatchlistIndex;
import vn.iocstream.nlp.sentiment.LinearSentimentModel;
import vn.iocstream.nlp.sentiment.SentimentClassifier;

/**
 * The whole Vietnamese pipeline for one post: normalise (plus teencode expansion for social posts and
 * comments), then one Stanford CoreNLP pass (Vietnamese tokenizer and word segmenter, sentence split,
 * entity rules), places resolved to current provinces, sentiment, watchlists, fingerprint. Construction only compiles the watchlist queries (lexicons are loaded once per JVM), so
 * a Flink operator builds one in {@code open()}; the analyzer is not Serializable on purpose.
 *
 * <pre>{@code
 * var analyzer = new VietnameseAnalyzer(config.watchlists());
 * Analysis a = analyzer.analyze("ko bt dc ai chiu trach nhiem vs vu tai nan nay", "comment", "facebook");
 * }</pre>
 */
public final class VietnameseAnalyzer {

    private final WatchlistIndex watchlists;
    private final SentimentClassifier sentiment;
    private final VietnamesePipeline pipeline;

    /**
     * Places come from the shipped gazetteer ({@link Gazetteer#load()}): the pipeline's entity annotator finds a
     * document's places once, for the entities and {@link Analysis#places()}.
     *
     * @throws QueryException if a watchlist query is malformed
     */
    public VietnameseAnalyzer(List<IocConfig.Watchlist> watchlists) {
        this(watchlists, Segmenters.defaultSegmenter(), LinearSentimentModel.builtIn());
    }

    /** With another word segmenter (e.g. a trained one) and sentiment classifier. */
    public VietnameseAnalyzer(List<IocConfig.Watchlist> watchlists, WordSegmenter segmenter, SentimentClassifier sentiment) {
        this.watchlists = new WatchlistIndex(watchlists);
        this.sentiment = sentiment;
        this.pipeline = new VietnamesePipeline(segmenter);
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
        return new VietnameseAnalyzer(watchlists, Segmenters.create(nlp.segmenter(), nlp.segmenterModel()),
                sentiment);
    }

    /**
     * @param text   raw text (title and body joined by the caller)
     * @param kind   one of {@link RawPost#KINDS}; all but press get teencode expansion,
     *               anything else is treated as press
     * @param source the source name, which watchlists can filter on ({@code source:…})
     */
    public Analysis analyze(String text, String kind, String source) {
        boolean social = RawPost.socialText(kind);
        String normalized = social ? TextNormalizer.normalizeSocial(text) : TextNormalizer.normalize(text);
        // One CoreNLP pass gives sentences, words and entities: tokenizing twice was the main cost.
        Annotation doc = pipeline.annotate(normalized);
        List<String> sentences = VietnamesePipeline.sentences(doc);
        List<String> words = new ArrayList<>();
        for (CoreLabel token : doc.get(CoreAnnotations.TokensAnnotation.class)) {
            Token.Type type = token.get(PipelineAnnotations.TokenTypeAnnotation.class);
            if (type != null && type != Token.Type.PUNCT && !Boolean.TRUE.equals(token.get(CoreAnnotations.IsNewlineAnnotation.class))) {
                words.add(token.word());
            }
        }
        List<EntityMention> entities = new ArrayList<>();
        for (Entity e : doc.get(PipelineAnnotations.EntitiesAnnotation.class)) {
            // Dates and amounts have no canonical id; storage wants a value, not null.
            entities.add(new EntityMention(e.type(), e.canonicalId() == null ? "" : e.canonicalId(), e.text()));
        }

        Set<String> places = new LinkedHashSet<>();
        Map<String, Integer> provinceCounts = new LinkedHashMap<>();
        for (Gazetteer.Mention m : doc.get(PipelineAnnotations.PlacesAnnotation.class)) {
            places.add(m.written());
            provinceCounts.merge(m.currentProvince(), 1, Integer::sum);
        }
        // Insertion order is first-mention order, and the reduction keeps the earlier of equal counts.
        String province = provinceCounts.entrySet().stream()
                .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                .map(Map.Entry::getKey).orElse("");

        // The syllable tokens the tokenizer annotator started from, for sentiment and the fingerprint: CoreNLP's
        // tokens are words (syllables joined, full stops glued), not what either was trained or pinned on.
        List<Token> tokens = doc.get(PipelineAnnotations.SyllableTokensAnnotation.class);
        Sentiment s = documentSentiment(sentences, sentenceTokens(doc, normalized, tokens));
        return new Analysis(normalized, List.copyOf(sentences), List.copyOf(words), List.copyOf(places),
                List.copyOf(entities), province, s.label(), s.score(),
                watchlists.match(new WatchDocument(normalized, source, kind, province)),
                Fingerprints.of(tokens));
    }

    /**
     * The {@link Tokenizer#tokens} of each sentence's text, mostly cut out of the document's {@code tokens}.
     * The token pattern looks one character past a token at most (URLs and phones must not follow a
     * letter, a number must not run into a letter…), and a space looks to it like the edge of the text,
     * so a sentence with a space or a text edge on either side has the same tokens alone as in the
     * document. A sentence glued to the previous one is tokenized alone: in "quá...vnexpress.net" the
     * domain is a URL only at the start of a text.
     */
    static List<List<Token>> sentenceTokens(Annotation doc, String text, List<Token> tokens) {
        List<List<Token>> out = new ArrayList<>();
        int next = 0;
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            int begin = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            while (next < tokens.size() && tokens.get(next).start() < begin) next++;
            int first = next;
            while (next < tokens.size() && tokens.get(next).end() <= end) next++;
            boolean spaced = (begin == 0 || isSpace(text.charAt(begin - 1)))
                    && (end == text.length() || isSpace(text.charAt(end)));
            boolean aligned = first < next && tokens.get(first).start() == begin && tokens.get(next - 1).end() == end;
            out.add(spaced && aligned ? tokens.subList(first, next)
                    : Tokenizer.tokens(sentence.get(CoreAnnotations.TextAnnotation.class)));
        }
        return out;
    }

    /** The whitespace of normalised text. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n';
    }

    /**
     * The classifier learnt from single sentences, so a document is judged sentence by sentence: its label is
     * the sign of its opinionated sentences (an accident report stays negative when it ends with a neutral
     * "police are investigating"), its score the mean over all sentences.
     */
    private Sentiment documentSentiment(List<String> sentences, List<List<Token>> tokens) {
        if (sentences.isEmpty()) return new Sentiment("neutral", 0);
        double opinionated = 0;
        double total = 0;
        for (int i = 0; i < sentences.size(); i++) {
            Sentiment s = sentiment.classify(sentences.get(i), tokens.get(i));
            total += s.score();
            if (!"neutral".equals(s.label())) opinionated += s.score();
        }
        String label = opinionated > 0 ? "positive" : opinionated < 0 ? "negative" : "neutral";
        return new Sentiment(label, total / sentences.size());
    }
}
