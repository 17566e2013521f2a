package vn.iocstream.nlp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A thread-safe memo of a pure string function for short strings such as syllables: Vietnamese has a
 * few thousand syllables in use, so per-syllable work (Unicode decomposition, tone placement, folding)
 * repeated on every post is done once. The size bound keeps odd input (numbers, foreign words) from
 * growing it without limit; once full, new strings are simply computed each time, as are long ones.
 */
public final class BoundedCache {

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final int maxKeyLength;
    private final UnaryOperator<String> function;

    public BoundedCache(int maxEntries, int maxKeyLength, UnaryOperator<String> function) {
        this.maxEntries = maxEntries;
        this.maxKeyLength = maxKeyLength;
        this.function = function;
    }

    /** The same as {@code function.apply(key)}. */
    public String get(String key) {
        if (key.length() > maxKeyLength) return function.apply(key);
        String value = values.get(key);
        if (value == null) {
            value = function.apply(key);
            if (values.size() < maxEntries) values.put(key, value);
        }
        return value;
    }
}
