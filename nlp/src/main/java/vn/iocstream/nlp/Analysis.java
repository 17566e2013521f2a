package vn.iocstream.nlp;

import java.util.List;
import vn.iocstream.core.model.EntityMention;

/**
 * Everything {@link VietnameseAnalyzer} learns from one text.
 *
 * @param normalized  the canonical text (see {@link TextNormalizer}); offsets refer to it
 * @param sentences   sentences of {@code normalized}
 * @param words       words of all sentences, multi-syllable words with inner spaces; no punctuation
 * @param places      place names as written, first occurrence order, duplicates removed (old names kept)
 * @param entities    entities with canonical ids (places resolve to the current provincial unit)
 * @param province    current provincial unit mentioned most often (first mentioned on ties), or ""
 * @param sentiment   negative, neutral or positive
 * @param score       sentiment score in [-1, 1]
 * @param watchlists  names of the matching watchlists, in configuration order
 * @param fingerprint near-duplicate fingerprint ({@link Fingerprints}) of the whole text
 */
public record Analysis(String normalized, List<String> sentences, List<String> words, List<String> places,
                       List<EntityMention> entities,
                       String province, String sentiment, double score, List<String> watchlists,
                       long fingerprint) {}
