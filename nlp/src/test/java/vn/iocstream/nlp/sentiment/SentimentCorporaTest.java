package vn.iocstream.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentCorporaTest {

    @TempDir
    Path dir;

    /** n reviews that differ only by a number, alternately praise and complaint. */
    private static String csv(String topic, int n) {
        StringBuilder s = new StringBuilder("text,label\n");
        for (int i = 0; i < n; i++) {
            s.append(i % 2 == 0 ? "\"" + topic + " số " + i + " rất tốt, nhân viên nhiệt tình\",positive\n"
                    : "\"" + topic + " số " + i + " quá tệ, chờ cả tiếng\",negative\n");
        }
        return s.toString();
    }

    private Path corpus(String name, String... files) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < files.length; i += 2) Files.writeString(folder.resolve(files[i]), files[i + 1], StandardCharsets.UTF_8);
        return folder;
    }

    private static Set<String> texts(List<LabelledText> rows) {
        Set<String> out = new HashSet<>();
        for (LabelledText d : rows) out.add(d.text());
        return out;
    }

    @Test
    void trainAndTest_keepTheirTestAndCutADevelopmentPartOutOfTrain() throws IOException {
        corpus("quan-an", "train.csv", csv("Quán", 2000), "test.csv", csv("Tiệm", 300));
        SentimentCorpora.Corpus c = SentimentCorpora.load(dir).get(0);
        assertThat(c.name()).isEqualTo("quan-an");
        assertThat(c.test()).hasSize(300);
        assertThat(c.train().size() + c.dev().size()).isEqualTo(2000);
        assertThat(c.dev().size()).isBetween(240, 360); // 15 % of 2000, give or take the hash
        assertThat(texts(c.train())).doesNotContainAnyElementsOf(texts(c.dev()));
    }

    @Test
    void allCsvAlone_isCutIntoThreeDisjointParts() throws IOException {
        corpus("phu-de", "all.csv", csv("Cảnh", 2000));
        SentimentCorpora.Corpus c = SentimentCorpora.load(dir).get(0);
        assertThat(c.test().size()).isBetween(520, 680); // 30 %
        assertThat(c.train().size() + c.dev().size() + c.test().size()).isEqualTo(2000);
        assertThat(texts(c.test())).doesNotContainAnyElementsOf(texts(c.train())).doesNotContainAnyElementsOf(texts(c.dev()));
    }

    @Test
    void aRowsPart_dependsOnItsTextNotItsPosition() throws IOException {
        String rows = csv("Ngân hàng", 400);
        List<String> lines = new ArrayList<>(rows.lines().toList());
        List<String> reversed = new ArrayList<>(lines.subList(1, lines.size()));
        java.util.Collections.reverse(reversed);
        reversed.add(0, lines.get(0));
        corpus("a", "all.csv", rows);
        corpus("b", "all.csv", String.join("\n", reversed) + "\n");
        List<SentimentCorpora.Corpus> both = SentimentCorpora.load(dir);
        assertThat(texts(both.get(0).test())).isEqualTo(texts(both.get(1).test()));
        assertThat(texts(both.get(0).dev())).isEqualTo(texts(both.get(1).dev()));
    }

    @Test
    void aFolderWithoutCorpora_failsNamingIt() throws IOException {
        Files.createDirectories(dir.resolve("trong"));
        assertThatThrownBy(() -> SentimentCorpora.load(dir)).hasMessageContaining("no corpus").hasMessageContaining(dir.toString());
        assertThatThrownBy(() -> SentimentCorpora.load(dir.resolve("khong-co"))).hasMessageContaining("no such folder");
    }

    @Test
    void handwrittenSet_hasNoHeldOutPart() {
        SentimentCorpora.Corpus c = SentimentCorpora.handwritten();
        assertThat(c.train()).hasSize(320);
        assertThat(c.dev()).hasSize(321);
        assertThat(c.test()).isEmpty();
    }
}
