package vn.iocstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ioc eval entities} on a hand-made CoNLL file and on a hand-made corpus in the Dân Trí corpus's
 * layout with its annotation (references, not text), as the shipped annotation is read.
 */
class EvalEntitiesCommandTest extends ConsoleTest {
    private static final String S1 = "Chiều 12/4, ông Nguyễn Văn Hùng đến xã Tân Hòa, tỉnh Đồng Nai.";
    private static final String S2 = "Sở Y tế Hà Nội làm việc với Bộ Y tế.";

    private static String sha(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }

    /** Two articles in the corpus's layout under dir/news/unc-dantri, and an annotation of one sentence of each. */
    private static Path corpus(Path dir, String secondSentence) throws Exception {
        Path file = dir.resolve("news/unc-dantri/unc_dantri_2020_2021.jsonl.gz");
        Files.createDirectories(file.getParent());
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(("{\"doc_id\": \"news_society_001\", \"url\": \"https://dantri.com.vn/a.htm\", \"title\": \"Mưa lớn ở Đồng Nai\","
                    + " \"sentences\": [\"" + S1 + "\"]}\n"
                    + "{\"doc_id\": \"news_health_002\", \"url\": \"https://dantri.com.vn/b.htm\", \"title\": \"Họp về dịch\","
                    + " \"sentences\": [\"Mở đầu.\", \"" + secondSentence + "\"]}\n").getBytes(StandardCharsets.UTF_8));
        }
        // S1 syllables: Chiều 12 4 ông Nguyễn(4) Văn Hùng(6) đến xã(8) Tân Hòa(10) tỉnh(11) Đồng Nai(13)
        // S2 syllables: Sở(0) Y tế Hà Nội(4) làm việc với Bộ(8) Y tế(10)
        Path annotations = dir.resolve("annotations.tsv");
        Files.writeString(annotations, String.join("\n",
                "# doc_id\turl\tsentence\tsha\tsplit\tentities",
                "news_society_001\thttps://dantri.com.vn/a.htm\t0\t" + sha(S1) + "\tdev\t4-7:PER 8-11:LOC 11-14:LOC",
                "news_health_002\thttps://dantri.com.vn/b.htm\t1\t" + sha(S2) + "\theldout\t0-5:ORG 8-11:ORG", ""));
        Files.writeString(dir.resolve("locality.tsv"), "news_society_001\tĐồng Nai\txã Tân Hòa\nnews_health_002\t-\t-\n");
        return annotations;
    }

    @Test
    void dantri_dev_scoresExactAndPartial_andTheLocality(@TempDir Path dir) throws Exception {
        Path annotations = corpus(dir, S2);
        assertThat(Main.run(new String[] {"eval", "entities", "--dantri", annotations.toString(), "--data", dir.toString(),
                "--locality", dir.resolve("locality.tsv").toString()})).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).contains("articles about a province: 1; province right 1 (1.000), none found 0, another province 0");
        assertThat(lines).anyMatch(l -> l.startsWith("articles about one commune or ward: 1; its name among the places found 1"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("entities microF1=1.0000 partialF1=1.0000");
    }

    @Test
    void dantri_heldout_andTheAdminPrefixMapping(@TempDir Path dir) throws Exception {
        Path annotations = corpus(dir, S2);
        assertThat(Main.run(new String[] {"eval", "entities", "--dantri", annotations.toString(), "--data", dir.toString(),
                "--split", "heldout", "--admin-prefix", "strip"})).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("1 sentences");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("entities microF1=1.0000 partialF1=1.0000");
    }

    @Test
    void dantri_aChangedCorpus_isAOneLineError(@TempDir Path dir) throws Exception {
        Path annotations = corpus(dir, "Sở Y tế Hà Nội họp với Bộ Y tế.");
        assertThat(Main.run(new String[] {"eval", "entities", "--dantri", annotations.toString(), "--data", dir.toString(),
                "--split", "all"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
                .startsWith("ioc: the corpus differs from the annotation at news_health_002 sentence 1");
    }

    @Test
    void conll_vlspShapedFile_lastLineHasBothFigures(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("test.txt");
        Files.writeString(file, String.join("\n", "Ông\tN\tB-NP\tO\tO", "Nguyễn_Văn_Hùng\tNp\tB-NP\tB-PER\tO", "đến\tV\tB-VP\tO\tO",
                "phường\tN\tB-NP\tB-LOC\tO", "Phước_Hòa\tNp\tI-NP\tI-LOC\tO", ".\tCH\tO\tO\tO", ""));
        assertThat(Main.run(new String[] {"eval", "entities", "--conll", file.toString()})).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("entities microF1=1.0000 partialF1=1.0000");
    }

    @Test
    void badArguments_areOneLineUsageErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.conll");
        Files.writeString(file, "Hà_Nội B-LOC\n");
        assertThat(Main.run(new String[] {"eval", "entities"})).isEqualTo(2);
        assertThat(Main.run(new String[] {"eval", "entities", "--conll", file.toString(), "--dantri", file.toString()})).isEqualTo(2);
        assertThat(Main.run(new String[] {"eval", "entities", "--conll", file.toString(), "--admin-prefix", "keep"})).isEqualTo(2);
        assertThat(Main.run(new String[] {"eval", "entities", "--conll", file.toString(), "--tag-column", "x"})).isEqualTo(2);
        assertThat(Main.run(new String[] {"eval", "entities", "--conll", file.toString(), "--locality", file.toString()})).isEqualTo(2);
        assertThat(Main.run(new String[] {"eval", "entities", "--dantri", file.toString(), "--data", dir.toString()})).isEqualTo(2);
        List<String> errors = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("ioc: ")).toList();
        assertThat(errors).contains("ioc: give one of --conll FILE and --dantri FILE",
                "ioc: admin prefix must be as-is, strip or include, not keep",
                "ioc: --tag-column must be a column number (1 = the token)", "ioc: --locality goes with --dantri");
        assertThat(errors).anyMatch(l -> l.startsWith("ioc: Dân Trí corpus not found: "));
    }
}
