package vn.iocstream.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void crawledMarkupAndQuotes_areEscaped_vietnameseKeptAsIs() {
        assertThat(Html.escape("<img src=x onerror=\"alert('Đồng Nai')\"> & ngập"))
                .isEqualTo("&lt;img src=x onerror=&quot;alert(&#39;Đồng Nai&#39;)&quot;&gt; &amp; ngập");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void aRange_isAppendedEscaped() {
        StringBuilder out = new StringBuilder("…");
        Html.escape("Tam Hiệp <b>ngập</b>", 9, 20, out);
        assertThat(out).hasToString("…&lt;b&gt;ngập&lt;/b&gt;");
    }
}
