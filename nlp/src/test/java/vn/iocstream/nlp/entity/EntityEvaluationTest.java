package vn.iocstream.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.nlp.entity.EntityEvaluation.Sentence;
import vn.iocstream.nlp.entity.EntityEvaluation.Span;

class EntityEvaluationTest {

    private static final EntityExtractor EXTRACTOR = new EntityExtractor();

    /**
     * Hand-computed. The recognizer finds PER "Nguyễn Văn Hùng", LOC "Đồng Nai", ORG "Bộ Y tế", LOC "Hà Nội",
     * ORG "Công an tỉnh Bình Phước". Exact: PER tp 1; LOC tp 1 (Đồng Nai), fp 1 (Hà Nội, which the file calls
     * ORG); ORG tp 1 (Bộ Y tế), fn 2 (Hà Nội; "Công an tỉnh" without its place), fp 1 (the whole police
     * name). Partial: the police name overlaps its gold span, so ORG tp 2, fp 0, fn 1. MISC is counted apart.
     */
    @Test
    void tinyFile_exactAndPartial_asComputedByHand(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.conll");
        Files.writeString(file, String.join("\n",
                "Ông O", "Nguyễn_Văn_Hùng B-PER", "ở O", "Đồng_Nai B-LOCATION", ". O", "",
                "Bộ_Y_tế B-ORG", "họp O", "tại O", "Hà_Nội B-ORG", "", "",
                "Công_an B-ORG", "tỉnh I-ORG", "Bình_Phước O", "bắt O", "hai O", "người O", "",
                "Tết B-MISC", "năm O", "nay O", "đến O", "sớm O", ""), StandardCharsets.UTF_8);
        EntityReport report = EntityEvaluation.evaluate(ConllFile.read(file), EXTRACTOR, AdminPrefix.AS_IS);

        assertThat(report.sentences()).isEqualTo(4);
        assertThat(report.exact().get(Entity.PERSON)).isEqualTo(new EntityReport.Counts(1, 0, 0));
        assertThat(report.exact().get(Entity.LOCATION)).isEqualTo(new EntityReport.Counts(1, 1, 0));
        assertThat(report.exact().get(Entity.ORGANIZATION)).isEqualTo(new EntityReport.Counts(1, 1, 2));
        assertThat(report.partial().get(Entity.ORGANIZATION)).isEqualTo(new EntityReport.Counts(2, 0, 1));
        assertThat(report.microExact()).isEqualTo(new EntityReport.Counts(3, 2, 2));
        assertThat(report.microPartial()).isEqualTo(new EntityReport.Counts(4, 1, 1));
        assertThat(report.ignored()).containsEntry("MISC", 1);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("entities microF1=0.6000 partialF1=0.8000");
    }

    /**
     * A VLSP-2016-shaped file: tab-separated word, POS, chunk, NER, nested NER; the chunk column also looks
     * like BIO, and the nested column has fewer entities: the first NER column must be read.
     */
    @Test
    void conll_extraColumns_theFirstNerColumnIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vlsp.txt");
        Files.writeString(file, "\uFEFF" + String.join("\n",
                "-DOCSTART-\t-X-\tO\tO\tO", "",
                "Ủy_ban\tN\tB-NP\tB-ORG\tO", "nhân_dân\tN\tI-NP\tI-ORG\tO", "thành_phố\tN\tI-NP\tI-ORG\tB-LOC",
                "Hà_Nội\tNp\tI-NP\tI-ORG\tI-LOC", "họp\tV\tB-VP\tO\tO", ".\tCH\tO\tO\tO", "",
                "Anh\tN\tB-NP\tO\tO", "Thanh\tNp\tB-NP\tB-PER\tO", "là\tV\tB-VP\tO\tO", "cán_bộ\tN\tB-NP\tO\tO", ""),
                StandardCharsets.UTF_8);
        List<Sentence> sentences = ConllFile.read(file);
        assertThat(sentences).hasSize(2);
        assertThat(sentences.get(0).text()).isEqualTo("Ủy ban nhân dân thành phố Hà Nội họp .");
        assertThat(sentences.get(0).gold()).containsExactly(new Span(0, 4, Entity.ORGANIZATION));
        assertThat(sentences.get(1).gold()).containsExactly(new Span(1, 2, Entity.PERSON));
        assertThat(ConllFile.read(file, 5).get(0).gold()).containsExactly(new Span(2, 4, Entity.LOCATION));
        assertThatThrownBy(() -> ConllFile.read(file, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void conll_spaceSeparated_commentsAndTagSchemes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mixed.conll");
        Files.writeString(file, String.join("\n",
                "# sent_id = 1", "Bà O", "Nguyễn S-PERSON", "Thị I-PERSON", "Hoa E-PERSON", "về O", "Cần LOC", "Thơ LOC",
                "", "# sent_id = 2", "Sở B-ORG", "Y I-ORG", "tế I-ORG", "Long B-LOC", "An I-LOC", ""), StandardCharsets.UTF_8);
        List<Sentence> sentences = ConllFile.read(file);
        assertThat(sentences).hasSize(2);
        // S- closes a span at once; the I- and E- after it open one (conlleval's reading); bare types are IO.
        assertThat(sentences.get(0).gold()).containsExactly(new Span(1, 2, Entity.PERSON), new Span(2, 4, Entity.PERSON),
                new Span(5, 7, Entity.LOCATION));
        assertThat(sentences.get(1).gold()).containsExactly(new Span(0, 3, Entity.ORGANIZATION), new Span(3, 5, Entity.LOCATION));
    }

    @Test
    void conll_tabSeparatedTokensMayHoldSpaces(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tabs.tsv");
        Files.writeString(file, "Ông\tO\nTrần Văn Nam\tB-PER\nđến\tO\nHải Phòng\tB-LOC\n", StandardCharsets.UTF_8);
        Sentence s = ConllFile.read(file).get(0);
        assertThat(s.text()).isEqualTo("Ông Trần Văn Nam đến Hải Phòng");
        assertThat(s.gold()).containsExactly(new Span(1, 2, Entity.PERSON), new Span(3, 4, Entity.LOCATION));
    }

    @Test
    void conll_lowerCaseTags(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lower.conll");
        Files.writeString(file, "Ông o\nLê_Văn_Tám b-per\nở o\nCần_Thơ b-loc\n", StandardCharsets.UTF_8);
        assertThat(ConllFile.read(file).get(0).gold()).containsExactly(new Span(1, 2, Entity.PERSON), new Span(3, 4, Entity.LOCATION));
    }

    @Test
    void conll_withoutTagColumn_isRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plain.txt");
        Files.writeString(file, "Hà_Nội Np\nmưa V\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ConllFile.read(file)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column");
    }

    /** Gold with the prefix, prediction without: a miss as written, a match once both follow one convention. */
    @Test
    void adminPrefix_mapsBothSidesToOneConvention(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prefix.conll");
        Files.writeString(file, String.join("\n", "Mưa O", "lớn O", "ở O", "phường B-LOC", "Phước I-LOC", "Hòa I-LOC", ". O", ""),
                StandardCharsets.UTF_8);
        List<Sentence> sentences = ConllFile.read(file);
        Sentence s = sentences.get(0);
        List<Span> predicted = List.of(new Span(4, 6, Entity.LOCATION));
        assertThat(AdminPrefix.STRIP.apply(s, s.gold())).containsExactly(new Span(4, 6, Entity.LOCATION));
        assertThat(AdminPrefix.INCLUDE.apply(s, predicted)).containsExactly(new Span(3, 6, Entity.LOCATION));
        assertThat(AdminPrefix.AS_IS.apply(s, predicted)).isSameAs(predicted);
        // An organisation is left as it is; a span that is only the word keeps it.
        List<Span> org = List.of(new Span(3, 6, Entity.ORGANIZATION), new Span(3, 4, Entity.LOCATION));
        assertThat(AdminPrefix.STRIP.apply(s, org)).isEqualTo(org);
    }

    @Test
    void adminPrefix_multiSyllableWords() {
        String text = "Về thành phố Hồ Chí Minh";
        List<int[]> syl = DantriAnnotations.syllables(text);
        int[] starts = syl.stream().mapToInt(a -> a[0]).toArray(), ends = syl.stream().mapToInt(a -> a[1]).toArray();
        Sentence s = new Sentence(text, starts, ends, List.of(new Span(1, 6, Entity.LOCATION)), List.of());
        assertThat(AdminPrefix.STRIP.apply(s, s.gold())).containsExactly(new Span(3, 6, Entity.LOCATION));
        assertThat(AdminPrefix.INCLUDE.apply(s, List.of(new Span(3, 6, Entity.LOCATION)))).containsExactly(new Span(1, 6, Entity.LOCATION));
        assertThatThrownBy(() -> AdminPrefix.parse("keep")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ownDevelopmentSet_scoresAboveFloor() {
        EntityReport report = EntityEvaluation.evaluate(ConllFile.read(Path.of("src/test/resources/entity/vi-ner-dev.conll")), EXTRACTOR,
                AdminPrefix.AS_IS);
        // Written by the rules' author, so this guards against regressions; it is not a fair estimate.
        assertThat(report.microF1()).isGreaterThan(0.85);
        assertThat(report.partialF1()).isGreaterThanOrEqualTo(report.microF1());
    }
}
