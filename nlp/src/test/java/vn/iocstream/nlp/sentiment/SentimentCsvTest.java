package vn.iocstream.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentCsvTest {

    @Test
    void quotedFields_keepCommasQuotesAndLineBreaks() {
        String csv = "text,label\n"
                + "\"Đường ngập, xe chết máy\",negative\n"
                + "\"Biển \"\"cấm dừng\"\" mới lắp\",neutral\n"
                + "\"dòng một\ndòng hai\",positive\n"
                + "cảm ơn 1022,Positive\n";
        List<LabelledText> rows = SentimentCsv.parse(csv, "t.csv");
        assertThat(rows).extracting(LabelledText::text).containsExactly(
                "Đường ngập, xe chết máy", "Biển \"cấm dừng\" mới lắp", "dòng một\ndòng hai", "cảm ơn 1022");
        assertThat(rows).extracting(LabelledText::label).containsExactly("negative", "neutral", "positive", "positive");
        assertThat(rows).extracting(LabelledText::line).containsExactly(2, 3, 4, 6);
    }

    @Test
    void bomCrlfBlankLinesAndColumnOrder_areAccepted() {
        String csv = "\uFEFFid,label,text\r\n1,negative,kẹt xe quá\r\n\r\n2,neutral,\"lịch cắt điện, phường 3\"\r\n";
        List<LabelledText> rows = SentimentCsv.parse(csv, "t.csv");
        assertThat(rows).containsExactly(new LabelledText("kẹt xe quá", "negative", 2),
                new LabelledText("lịch cắt điện, phường 3", "neutral", 4));
    }

    @Test
    void unknownLabel_failsNamingTheLine() {
        assertThatThrownBy(() -> SentimentCsv.parse("text,label\nổn,positive\ntệ,bad\n", "t.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t.csv:3").hasMessageContaining("'bad'");
    }

    @Test
    void missingColumn_failsNamingTheHeader() {
        assertThatThrownBy(() -> SentimentCsv.parse("text,nhan\nổn,positive\n", "t.csv"))
                .hasMessageContaining("t.csv:1").hasMessageContaining("missing column 'label'");
    }

    @Test
    void shortRowAndOpenQuote_failNamingTheirLines() {
        assertThatThrownBy(() -> SentimentCsv.parse("text,label\nchỉ có chữ\n", "t.csv")).hasMessageContaining("t.csv:2");
        assertThatThrownBy(() -> SentimentCsv.parse("text,label\nổn,positive\n\"chưa đóng,neutral\n", "t.csv"))
                .hasMessageContaining("t.csv:3").hasMessageContaining("never closed");
    }
}
