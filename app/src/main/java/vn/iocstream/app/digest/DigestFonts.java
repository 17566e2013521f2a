package vn.iocstream.app.digest;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans, which has every Vietnamese letter, from the {@code jasperreports-fonts} jar (fonts under the Bitstream
 * Vera licence): the PDF embeds it and the charts draw with it, so the output does not depend on the fonts a server
 * happens to have.
 */
final class DigestFonts {
    private static final String DIR = "/net/sf/jasperreports/fonts/dejavu/";
    static final String REGULAR = DIR + "DejaVuSans.ttf";
    static final String BOLD = DIR + "DejaVuSans-Bold.ttf";

    private DigestFonts() {}

    static byte[] bytes(String resource) {
        try (InputStream in = DigestFonts.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("font " + resource + " missing from the classpath (jasperreports-fonts)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Font awt(String resource, float size) {
        try (InputStream in = DigestFonts.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("font " + resource + " missing from the classpath (jasperreports-fonts)");
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
