package vn.iocstream.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.iocstream.nlp.TextNormalizer;

/**
 * The shipped lexicon file: frozen (its hash is the one its README records, so any edit is a deliberate
 * act that says why), and well-formed.
 */
class SentimentLexiconFileTest {

    private static final Path LEXICON = Path.of("src/main/resources/vn/iocstream/nlp/sentiment.tsv");
    private static final Path README = Path.of("src/main/resources/vn/iocstream/nlp/sentiment/README.md");
    private static final Set<String> RULES =
            Set.of("negate", "lack", "intensify", "dampen", "contrast", "concede", "decrease", "topic", "ignore");

    private static List<String[]> rows() throws IOException {
        return Files.readAllLines(LEXICON, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")).toList();
    }

    @Test
    void lexicon_isTheFrozenVersionTheReadmeRecords() throws IOException, NoSuchAlgorithmException {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(LEXICON)));
        Matcher recorded = Pattern.compile("lexicon SHA-256 `([0-9a-f]{64})`").matcher(Files.readString(README));
        assertThat(recorded.find()).as("README records the lexicon's hash").isTrue();
        assertThat(sha).as("sentiment.tsv changed: see 'Freezing the lexicon' in " + README).isEqualTo(recorded.group(1));
    }

    @Test
    void everyRow_isATermWithAWeightOrARule() throws IOException {
        for (String[] row : rows()) {
            assertThat(row.length).as(String.join("|", row)).isBetween(2, 3);
            if (row.length == 3) assertThat(row[2]).isEqualTo("exact");
            if (!RULES.contains(row[1])) assertThat(Double.parseDouble(row[1])).as(row[0]).isBetween(-3.0, 3.0).isNotZero();
        }
    }

    @Test
    void noTwoRows_normaliseToTheSameTerm() throws IOException {
        Map<String, String> seen = new HashMap<>();
        for (String[] row : rows()) {
            String term = TextNormalizer.normalize(row[0]).toLowerCase(Locale.ROOT);
            assertThat(seen.put(term, row[0])).as(row[0]).isNull();
        }
    }
}
