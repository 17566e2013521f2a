package vn.iocstream.nlp.entity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import vn.iocstream.core.json.Json;

/**
 * The Dân Trí news corpus of underthesea (GPL-3.0, in {@code ../shared/data}): one JSON article per line,
 * gzip-compressed, each with its {@code doc_id}, {@code url}, {@code title} and {@code sentences}. Read for
 * measuring only; nothing of it is kept in the repository.
 */
public final class DantriCorpus {

    /** Where the corpus lies under a shared-data folder. */
    public static final Path FILE = Path.of("news", "unc-dantri", "unc_dantri_2020_2021.jsonl.gz");

    /** One article. */
    public record Article(@JsonProperty("doc_id") String docId, String url, String title, List<String> sentences) {
        /** Title and body as a post's text, the way a crawled article reaches {@code analyze()}. */
        public String text() {
            return title + "\n" + String.join(" ", sentences);
        }
    }

    private final Map<String, Article> byId;

    private DantriCorpus(Map<String, Article> byId) {
        this.byId = byId;
    }

    /** @param dataDir the shared-data folder (holding {@link #FILE}) */
    public static DantriCorpus load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("Dân Trí corpus not found: " + file);
        Map<String, Article> byId = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                Article a = Json.parse(line, Article.class);
                byId.put(a.docId(), a);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new DantriCorpus(byId);
    }

    /** The ids of all articles, sorted. */
    public List<String> ids() {
        return byId.keySet().stream().sorted().toList();
    }

    /** The article, or an exception naming the id when the corpus has none. */
    public Article article(String docId) {
        Article a = byId.get(docId);
        if (a == null) throw new IllegalArgumentException("the Dân Trí corpus has no article " + docId);
        return a;
    }
}
