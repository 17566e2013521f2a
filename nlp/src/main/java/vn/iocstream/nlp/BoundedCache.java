package vn.iocstream.nlp;

import java.util.function.Function;

/**
 * A thread-safe memo of a pure function of short strings such as syllables: Vietnamese has a
 * few thousand syllables in use, so per-syllable work (Unicode decomposition, tone placement, folding)
 * repeated on every post is done once. The size bound keeps odd input (numbers, foreign words) from
 * growing it without limit; once full, new strings are simply computed each time, as are long ones.
 *
 * <p>An open-addressing table rather than a {@code ConcurrentHashMap}: a key can be a range of a longer
 * text, so a hit allocates nothing (callers used to cut a substring only to look it up), and a lookup
 * takes no lock and follows no chain. Reads are unsynchronised: entries are immutable (final fields),
 * so a reader sees either a complete entry or none, and then computes the value itself. Inserts are
 * rare once the common syllables are in; they are serialised, and a grown table is filled before it
 * is published through the volatile field.
 */
public final class BoundedCache<V> {

    private record Entry<V>(String key, V value, int hash) {}

    /** At most half full, so every probe sequence reaches an empty slot. */
    private volatile Entry<V>[] table = newTable(64);
    /** Entries in {@link #table}; guarded by {@code this}. */
    private int size;
    private final int maxEntries;
    private final int maxKeyLength;
    private final Function<String, V> function;

    public BoundedCache(int maxEntries, int maxKeyLength, Function<String, V> function) {
        this.maxEntries = maxEntries;
        this.maxKeyLength = maxKeyLength;
        this.function = function;
    }

    /** The same as {@code function.apply(key)}. */
    public V get(String key) {
        return key.length() > maxKeyLength ? function.apply(key) : get(key, 0, key.length(), key.hashCode());
    }

    /** The same as {@code function.apply(text.substring(start, end))}, without the substring when cached. */
    public V get(String text, int start, int end) {
        if (end - start > maxKeyLength) return function.apply(text.substring(start, end));
        int hash = 0; // String.hashCode of the range
        for (int i = start; i < end; i++) hash = 31 * hash + text.charAt(i);
        return get(text, start, end, hash);
    }

    private V get(String text, int start, int end, int hash) {
        Entry<V>[] t = table;
        int length = end - start;
        for (int slot = slot(hash, t.length); ; slot = (slot + 1) & (t.length - 1)) {
            Entry<V> e = t[slot];
            if (e == null) break;
            if (e.hash == hash && e.key.length() == length && e.key.regionMatches(0, text, start, length)) return e.value;
        }
        String key = text.substring(start, end);
        V value = function.apply(key);
        add(new Entry<>(key, value, hash));
        return value;
    }

    private synchronized void add(Entry<V> entry) {
        if (size >= maxEntries) return;
        Entry<V>[] t = table;
        if (2 * (size + 1) > t.length) {
            Entry<V>[] grown = newTable(2 * t.length);
            for (Entry<V> e : t) {
                if (e != null) put(grown, e);
            }
            if (put(grown, entry)) size++;
            table = grown;
        } else if (put(t, entry)) {
            size++;
        }
    }

    /** Puts {@code entry} in an empty slot of {@code t} unless its key is there (another thread added it). */
    private static <V> boolean put(Entry<V>[] t, Entry<V> entry) {
        int slot = slot(entry.hash, t.length);
        for (Entry<V> e = t[slot]; e != null; e = t[slot]) {
            if (e.hash == entry.hash && e.key.equals(entry.key)) return false;
            slot = (slot + 1) & (t.length - 1);
        }
        t[slot] = entry;
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <V> Entry<V>[] newTable(int length) {
        return (Entry<V>[]) new Entry<?>[length];
    }

    private static int slot(int hash, int length) {
        return (hash ^ hash >>> 16) & (length - 1);
    }
}
