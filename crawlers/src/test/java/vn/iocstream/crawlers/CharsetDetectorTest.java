package vn.iocstream.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.iocstream.crawlers.CharsetDetector.Basis;

class CharsetDetectorTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Written by iconv, which puts tones as combining marks the way legacy Vietnamese CMSs did; no declaration. */
    private static final String UNDECLARED_1258 = "/fixtures/bai-viet/cup-dien-dien-rong-tai-trang-bang-a190166.1258.html";

    @Test
    void undeclaredWindows1258Page_isRecognised_andDecodedToComposedVietnamese() throws IOException {
        byte[] page = fixture(UNDECLARED_1258);

        CharsetDetector.Detection d = CharsetDetector.detect(Optional.of("text/html"), page);
        String text = CharsetDetector.decode(Optional.of("text/html"), page);

        assertThat(d.basis()).isEqualTo(Basis.VIETNAMESE_1258);
        assertThat(d.charset().name()).isEqualTo("windows-1258");
        assertThat(text).contains("Cúp điện diện rộng tại thị xã Trảng Bàng", "hơn 12.000 hộ dân", "khôi phục trước 20 giờ");
    }

    @Test
    void shortVietnameseSnippetIn1258_isRecognisedToo() {
        // "Tùng thầm nể Hải." in windows-1258: ầ = â + grave (E2 CC), ể = ê + hook (EA D2), ả = a + hook (61 D2).
        byte[] snippet = {'T', (byte) 0xF9, 'n', 'g', ' ', 't', 'h', (byte) 0xE2, (byte) 0xCC, 'm', ' ', 'n', (byte) 0xEA,
                (byte) 0xD2, ' ', 'H', 'a', (byte) 0xD2, 'i', '.'};

        assertThat(CharsetDetector.decode(Optional.empty(), snippet)).isEqualTo("Tùng thầm nể Hải.");
    }

    @Test
    void italianAndPortugueseIn1252_areNotTakenForVietnamese() {
        byte[] italian = ("<p>Però la città è cambiata così tanto che più nessuno può riconoscerla; perché "
                + "lunedì il sindaco parlerà ancora.</p>").getBytes(WINDOWS_1252);
        byte[] portuguese = "<p>As eleições não são só uma questão de opinião: põem à prova a nação.</p>".getBytes(WINDOWS_1252);

        assertThat(CharsetDetector.looksLikeWindows1258(italian)).isFalse();
        assertThat(CharsetDetector.looksLikeWindows1258(portuguese)).isFalse();
        assertThat(CharsetDetector.detect(Optional.empty(), italian).basis()).isIn(Basis.DETECTOR, Basis.DEFAULT);
    }

    @Test
    void utf8ByteOrderMark_winsOverAContradictingHeader() {
        byte[] page = withBom("<p>Đầu tư hạ tầng Khu kinh tế cửa khẩu Mộc Bài</p>");

        CharsetDetector.Detection d = CharsetDetector.detect(Optional.of("text/html; charset=windows-1258"), page);

        assertThat(d).isEqualTo(new CharsetDetector.Detection(StandardCharsets.UTF_8, Basis.BOM, 3));
        assertThat(CharsetDetector.decode(Optional.of("text/html; charset=windows-1258"), page))
                .isEqualTo("<p>Đầu tư hạ tầng Khu kinh tế cửa khẩu Mộc Bài</p>");
    }

    @Test
    void header_winsOverDeclaration_whichWinsOverDetection() {
        byte[] declared = "<?xml version=\"1.0\" encoding=\"windows-1258\"?><rss/>".getBytes(StandardCharsets.US_ASCII);

        assertThat(CharsetDetector.detect(Optional.of("text/xml; charset=UTF-8"), declared))
                .isEqualTo(new CharsetDetector.Detection(StandardCharsets.UTF_8, Basis.HEADER, 0));
        assertThat(CharsetDetector.detect(Optional.of("text/xml"), declared).basis()).isEqualTo(Basis.DECLARATION);
        assertThat(CharsetDetector.detect(Optional.of("text/xml"), declared).charset().name()).isEqualTo("windows-1258");
        assertThat(CharsetDetector.detect(Optional.empty(), "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
                .getBytes(StandardCharsets.US_ASCII))).isEqualTo(new CharsetDetector.Detection(StandardCharsets.UTF_8, Basis.DECLARATION, 0));
    }

    @Test
    void latin1Label_meansWindows1252_asInBrowsers() {
        byte[] quoted = {'<', 'p', '>', (byte) 0x93, 'O', 'K', (byte) 0x94, '<', '/', 'p', '>'};

        assertThat(CharsetDetector.decode(Optional.of("text/html; charset=ISO-8859-1"), quoted)).isEqualTo("<p>“OK”</p>");
    }

    @Test
    void unknownHeaderLabel_isSkipped_forTheNextRule() {
        byte[] page = "<meta charset=\"utf-8\"><p>không khai báo đúng</p>".getBytes(StandardCharsets.UTF_8);

        assertThat(CharsetDetector.detect(Optional.of("text/html; charset=vietnamese-tcvn3-x"), page).basis())
                .isEqualTo(Basis.DECLARATION);
    }

    @Test
    void undeclaredUtf8_evenCutInsideACharacter_isUtf8() {
        byte[] page = "<p>Triều cường vượt báo động 3</p><p>Người dân</p>".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(page, page.length - "n</p>".length() - 1); // ends inside the 2-byte "â"

        assertThat(CharsetDetector.detect(Optional.empty(), page).basis()).isEqualTo(Basis.VALID_UTF8);
        assertThat(CharsetDetector.detect(Optional.empty(), cut).basis()).isEqualTo(Basis.VALID_UTF8);
    }

    @Test
    void utf16ByteOrderMark_isHonoured() {
        byte[] le = "\uFEFFTây Ninh".getBytes(StandardCharsets.UTF_16LE);

        assertThat(CharsetDetector.decode(Optional.empty(), le)).isEqualTo("Tây Ninh");
    }

    private static byte[] withBom(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, out, 3, utf8.length);
        return out;
    }

    private static byte[] fixture(String path) throws IOException {
        try (InputStream in = CharsetDetectorTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
