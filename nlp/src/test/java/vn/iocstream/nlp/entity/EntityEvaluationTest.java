package vn.iocstream.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityEvaluationTest {

    private static final EntityExtractor EXTRACTOR = new EntityExtractor();

    /**
     * Hand-computed: LOCATION tp 1 (Đồng Nai) fp 1 (Hà Nội, which the gold file calls ORG); ORGANIZATION tp
     * 1 (Bộ Y tế) fn 1 (Hà Nội); PERSON tp 1; MISC fn 1. Micro over LOC/ORG/PER: tp 3, fp 1, fn 1 →
     * precision 0.75, recall 0.75, F1 0.75.
     */
    @Test
    void tinyFile_scoresAsComputedByHand(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.conll");
        Files.writeString(file, String.join("\n",
                "Ông O", "Nguyễn_Văn_Hùng B-PER", "ở O", "Đồng_Nai B-LOCATION", ". O", "",
                "Bộ_Y_tế B-ORG", "họp O", "tại O", "Hà_Nội B-ORG", "", "",
                "Tết B-MISC", "năm O", "nay O", "đến O", "sớm O", ""), StandardCharsets.UTF_8);
        EntityReport report = EntityEvaluation.evaluate(file, EXTRACTOR);

        assertThat(report.sentences()).isEqualTo(3);
        assertThat(report.counts().get("LOCATION")).isEqualTo(new EntityReport.Counts(1, 1, 0));
        assertThat(report.counts().get("ORGANIZATION")).isEqualTo(new EntityReport.Counts(1, 0, 1));
        assertThat(report.counts().get("PERSON")).isEqualTo(new EntityReport.Counts(1, 0, 0));
        assertThat(report.counts().get("MISC")).isEqualTo(new EntityReport.Counts(0, 0, 1));
        assertThat(report.micro()).isEqualTo(new EntityReport.Counts(3, 1, 1));
        assertThat(report.microF1()).isEqualTo(0.75);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("MISC *"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("entities microF1=0.7500");
    }

    @Test
    void bio_continuationMustMatchType_andStrayInsideStartsASpan() {
        List<EntityEvaluation.Sentence> sentences = EntityEvaluation.read(Path.of("src/test/resources/entity/vi-ner-dev.conll"));
        assertThat(sentences).hasSizeGreaterThanOrEqualTo(40);
        assertThat(sentences.get(0).gold()).containsExactly(new EntityEvaluation.Span(10, 11, "LOCATION"),
                new EntityEvaluation.Span(13, 14, "LOCATION"), new EntityEvaluation.Span(19, 20, "PERSON"));
    }

    @Test
    void ownDevelopmentSet_scoresAboveFloor() {
        EntityReport report = EntityEvaluation.evaluate(Path.of("src/test/resources/entity/vi-ner-dev.conll"), EXTRACTOR);
        // Written by the rules' author, so this guards against regressions; it is not a fair estimate.
        assertThat(report.microF1()).isGreaterThan(0.85);
        assertThat(report.counts().keySet()).containsExactly("LOCATION", "ORGANIZATION", "PERSON");
    }
}
