package vn.iocstream.nlp.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.nlp.LexiconSegmenter;

/**
 * The default word list comes from the jar, never from a network or a cache, and never silently shrinks:
 * the regression was a WARN line and the 520-word built-in list when npm was unreachable (F1 0.915 → 0.764).
 */
class BundledWordListTest {

    /** Words of a storm bulletin that Viet74K has and the small built-in list lacks. */
    private static final List<String> VIET74K_ONLY = List.of("bà con", "tàu thuyền", "gia cố",
            "đê điều", "hoa màu");
    private static final String BULLETIN =
            "Sáng nay bà con ngư dân đưa tàu thuyền vào bờ tránh áp thấp nhiệt đới, gia cố đê điều và thu hoạch hoa màu.";

    /**
     * The old code kept the list under ~/.cache/ioc-stream: with an empty home, a list that still came from
     * anywhere but the class path (or a fallback) would be missing or small here.
     */
    @Test
    void defaultList_loadsFromTheJar_withAnEmptyHomeAndCache(@TempDir Path home) throws Exception {
        String realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        Lexicon lexicon;
        try {
            lexicon = Lexicon.vntk(Lexicon.class.getClassLoader());
        } finally {
            System.setProperty("user.home", realHome);
        }
        try (var files = Files.list(home)) {
            assertThat(files).as("nothing downloaded or cached").isEmpty();
        }
        assertThat(lexicon.name()).isEqualTo(Lexicon.VNTK_VIET74K);
        assertThat(lexicon.size()).isGreaterThanOrEqualTo(70_000);
        assertThat(new DictionarySegmenter(lexicon).segment(BULLETIN)).containsAll(VIET74K_ONLY);
        // What the old fallback gave: the same words split into syllables.
        assertThat(LexiconSegmenter.builtIn().segment(BULLETIN)).doesNotContainAnyElementsOf(VIET74K_ONLY);
    }

    @Test
    void defaultSegmenter_isTheDictionarySegmenterOverTheFullList() {
        assertThat(Segmenters.create("default", null)).isInstanceOfSatisfying(DictionarySegmenter.class,
                d -> assertThat(d.lexicon().size()).isGreaterThanOrEqualTo(70_000));
    }

    @Test
    void missingList_failsNamingTheResourceAndTheRebuildCommand() throws Exception {
        try (URLClassLoader withoutIt = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> Lexicon.vntk(withoutIt))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("vn/iocstream/nlp/segment/vntk-dictionary/Viet74K.txt")
                    .hasMessageContaining("mvn -B -DskipTests package");
        }
    }
}
