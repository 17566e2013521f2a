package vn.iocstream.crawlers.extract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import vn.iocstream.core.config.ConfigLoader.ConfigException;
import vn.iocstream.core.config.IocConfig;

/**
 * Per-outlet CSS selectors that override the generic extractor for one site (and its subdomains), read from the
 * YAML file named by {@code extraction.rulesFile} (see {@code config/extraction-rules.yaml}). A site that changes
 * its layout is fixed by editing the file, without a release. A selector that matches nothing on a page falls
 * back to the generic extractor for that field, so a stale rule degrades to the generic result, never to nothing.
 */
public final class ExtractionRules {
    public static final ExtractionRules NONE = new ExtractionRules(List.of());
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One outlet's selectors; each may be null (the generic extractor decides that field).
     *
     * @param host   e.g. {@code vnexpress.net}; also applies to {@code www.vnexpress.net} and other subdomains
     * @param title  element whose text is the title
     * @param body   containers of the story's paragraphs, in page order
     * @param author elements whose texts name the authors (one element per reporter, or several names in one)
     * @param date   element holding the publication time (its datetime/content attribute, else its visible text)
     * @param tags   elements whose texts are the article's tags
     * @param remove elements inside the body that are not the story (inline related links, ad slots)
     */
    public record Rule(String host, String title, String body, String author, String date, String tags, String remove) {
        Map<String, String> selectors() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("title", title);
            m.put("body", body);
            m.put("author", author);
            m.put("date", date);
            m.put("tags", tags);
            m.put("remove", remove);
            return m;
        }
    }

    private record RulesFile(List<Rule> rules) {}

    private final List<Rule> rules;

    public ExtractionRules(List<Rule> rules) {
        List<Rule> checked = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) checked.add(validated(rules.get(i), i + 1));
        // The most specific host wins: a rule for "tuoitre.vn" must not shadow one for "congnghe.tuoitre.vn".
        checked.sort(Comparator.comparingInt((Rule r) -> r.host().length()).reversed());
        this.rules = List.copyOf(checked);
    }

    /** The rules of {@code extraction.rulesFile}, or {@link #NONE} when it is empty. */
    public static ExtractionRules of(IocConfig.Extraction config) {
        String file = config == null ? null : config.rulesFile();
        return file == null || file.isBlank() ? NONE : load(Path.of(file));
    }

    /** @throws ConfigException naming the file, the rule and the field at fault */
    public static ExtractionRules load(Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigException("extraction rules file not found: " + file);
        RulesFile parsed;
        try {
            parsed = YAML.readValue(file.toFile(), RulesFile.class);
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        try {
            return new ExtractionRules(parsed == null || parsed.rules() == null ? List.of() : parsed.rules());
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    /** The rule for the page's host, if any. */
    public Optional<Rule> forUrl(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (host == null) return Optional.empty();
        String h = host.toLowerCase(Locale.ROOT);
        return rules.stream().filter(r -> h.equals(r.host()) || h.endsWith("." + r.host())).findFirst();
    }

    public int size() {
        return rules.size();
    }

    private static Rule validated(Rule r, int position) {
        String where = "rule #" + position + (r.host() == null ? "" : " (" + r.host() + ")");
        // Host names and IP addresses (provincial intranet portals are sometimes reached by address).
        if (r.host() == null || !r.host().matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")) {
            throw new ConfigException(where + ": host must be a host name such as vnexpress.net, got: " + r.host());
        }
        boolean any = false;
        for (Map.Entry<String, String> s : r.selectors().entrySet()) {
            if (s.getValue() == null || s.getValue().isBlank()) continue;
            any = true;
            try {
                QueryParser.parse(s.getValue());
            } catch (Selector.SelectorParseException e) {
                throw new ConfigException(where + ": " + s.getKey() + " is not a CSS selector: " + e.getMessage());
            }
        }
        if (!any) throw new ConfigException(where + ": no selector given (title, body, author, date, tags or remove)");
        return new Rule(r.host().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", ""), r.title(), r.body(), r.author(),
                r.date(), r.tags(), r.remove());
    }
}
