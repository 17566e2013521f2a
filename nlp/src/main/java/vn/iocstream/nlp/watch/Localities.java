package vn.iocstream.nlp.watch;

import java.util.Optional;
import vn.iocstream.core.geo.Gazetteer;
import vn.iocstream.nlp.TextNormalizer;

/**
 * Keys for the {@code locality:} field: the folded name of the current provincial unit, so that
 * "Tây Ninh", "tay-ninh" and a former province merged into it ("Long An") compare equal.
 */
public final class Localities {
    private Localities() {}

    private static final Gazetteer GAZETTEER = Gazetteer.load();

    /** Key of a known place, empty if the gazetteer does not know the name. */
    public static Optional<String> knownKey(String name) {
        return GAZETTEER.lookup(spaced(name)).map(p -> TextNormalizer.fold(p.currentProvince()));
    }

    /** Key of a document's locality; names the gazetteer does not know are folded as written. */
    public static String key(String name) {
        if (name == null || name.isBlank()) return "";
        return knownKey(name).orElseGet(() -> TextNormalizer.fold(spaced(name)));
    }

    private static String spaced(String name) {
        return name.replace('-', ' ').replace('_', ' ').trim().replaceAll("\\s+", " ");
    }
}
