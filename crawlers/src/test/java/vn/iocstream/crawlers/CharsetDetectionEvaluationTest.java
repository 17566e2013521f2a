package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.testing.SharedData;

/**
 * How often undeclared windows-1258 is recognised, on real Vietnamese text: the sentences of UD Vietnamese-VTB's
 * train file (../shared/data/ud-vi-vtb, CC BY-SA 4.0; or -Dioc.shared.data=DIR), encoded as legacy Vietnamese
 * CMSs did (iconv's way: precomposed where windows-1258 has the letter, combining tone marks otherwise); and
 * the opposite error on the Western pages of the article-extraction benchmark, encoded as windows-1252.
 */
class CharsetDetectionEvaluationTest {
    private static final Path TREEBANK = SharedData.path("ud-vi-vtb", "vi_vtb-ud-train.conllu");
    private static final Path WESTERN_PAGES = SharedData.path("article-extraction", "html");

    @Test
    void treebankSentencesIn1258_areRecognised() throws IOException {
        SharedData.require(TREEBANK);
        List<String> sentences = Files.readAllLines(TREEBANK).stream()
                .filter(l -> l.startsWith("# text = ")).map(l -> l.substring("# text = ".length())).toList();

        double single = recognised(sentences, 1);
        double triple = recognised(sentences, 3);
        System.out.printf("windows-1258 recognised: %.3f of %d single sentences, %.3f of %d three-sentence snippets%n",
                single, sentences.size(), triple, sentences.size() / 3);

        assertThat(triple).isGreaterThanOrEqualTo(0.98);
        assertThat(single).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void westernPagesIn1252_areNotTakenForVietnamese() throws IOException {
        SharedData.require(WESTERN_PAGES);
        Charset windows1252 = Charset.forName("windows-1252");
        int pages = 0;
        int nonAscii = 0;
        int misread = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(WESTERN_PAGES, "*.html.gz")) {
            for (Path file : files) {
                String html;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                byte[] bytes = html.getBytes(windows1252);
                pages++;
                if (!CharsetDetector.isUtf8(bytes)) nonAscii++;
                if (CharsetDetector.looksLikeWindows1258(bytes)) misread++;
            }
        }
        System.out.printf("windows-1252 pages taken for windows-1258: %d of %d (%d not valid UTF-8)%n", misread, pages, nonAscii);

        assertThat(nonAscii).isPositive();
        assertThat(misread).isZero();
    }

    private static double recognised(List<String> sentences, int perSnippet) {
        int snippets = sentences.size() / perSnippet;
        int hits = 0;
        for (int i = 0; i < snippets; i++) {
            StringBuilder html = new StringBuilder();
            for (String s : sentences.subList(i * perSnippet, (i + 1) * perSnippet)) html.append("<p>").append(s).append("</p>\n");
            byte[] bytes = windows1258(html.toString());
            if (CharsetDetector.detect(Optional.of("text/html"), bytes).basis() == CharsetDetector.Basis.VIETNAMESE_1258) hits++;
        }
        return (double) hits / snippets;
    }

    /** Java's encoder has no decomposition: letters windows-1258 lacks (ấ, ạ …) become base + combining tone mark. */
    private static byte[] windows1258(String text) {
        CharsetEncoder encoder = CharsetDetector.WINDOWS_1258.newEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(cp -> {
            String c = Character.toString(cp);
            if (!encoder.canEncode(c)) {
                String d = Normalizer.normalize(c, Normalizer.Form.NFD);
                String tones = d.replaceAll("[^\u0300\u0301\u0303\u0309\u0323]", "");
                c = Normalizer.normalize(d.replaceAll("[\u0300\u0301\u0303\u0309\u0323]", ""), Normalizer.Form.NFC) + tones;
            }
            out.writeBytes(c.getBytes(CharsetDetector.WINDOWS_1258));
        });
        return out.toByteArray();
    }
}
