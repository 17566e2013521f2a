package vn.iocstream.nlp.pipeline;

import edu.stanford.nlp.ling.CoreAnnotation;
import java.util.List;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.nlp.Token;
import vn.iocstream.nlp.entity.Entity;

/** The CoreNLP annotation keys this project adds. */
public final class PipelineAnnotations {
    private PipelineAnnotations() {}

    /** On a token: the {@link Token.Type} the Vietnamese tokenizer gave it (multi-syllable words are WORD). */
    public static final class TokenTypeAnnotation implements CoreAnnotation<Token.Type> {
        @Override
        public Class<Token.Type> getType() {
            return Token.Type.class;
        }
    }

    /**
     * On the document: {@link Gazetteer#find} of the whole document text, which can differ from the
     * places among its entities (a name across a sentence end, a place inside an organisation's name).
     */
    public static final class PlacesAnnotation implements CoreAnnotation<List<Gazetteer.Mention>> {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<List<Gazetteer.Mention>> getType() {
            return (Class) List.class;
        }
    }

    /**
     * On the document: {@link vn.iocstream.nlp.Tokenizer#tokens} of its text, the syllable tokens the word labels
     * were built from, for whoever needs syllables rather than words (sentiment, fingerprints).
     */
    public static final class SyllableTokensAnnotation implements CoreAnnotation<List<Token>> {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<List<Token>> getType() {
            return (Class) List.class;
        }
    }

    /** On the document: its entities, left to right, offsets into the document text. */
    public static final class EntitiesAnnotation implements CoreAnnotation<List<Entity>> {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<List<Entity>> getType() {
            return (Class) List.class;
        }
    }
}
