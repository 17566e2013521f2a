package vn.iocstream.crawlers.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.iocstream.core.config.ConfigLoader.ConfigException;

class ExtractionRulesTest {
    @TempDir
    Path dir;

    @Test
    void shippedRulesFile_loadsAndEveryRuleHasAHost() {
        ExtractionRules rules = ExtractionRules.load(Path.of("../config/extraction-rules.yaml"));

        assertThat(rules.size()).isGreaterThanOrEqualTo(3);
        assertThat(rules.forUrl("https://vnexpress.net/mua-lon-4954454.html")).get()
                .extracting(ExtractionRules.Rule::body).isNotNull();
    }

    @Test
    void subdomain_matchesItsSite_andTheMostSpecificHostWins() {
        ExtractionRules rules = new ExtractionRules(List.of(
                new ExtractionRules.Rule("tuoitre.vn", null, "div.detail-content", null, null, null, null),
                new ExtractionRules.Rule("congnghe.tuoitre.vn", null, "div.cn-body", null, null, null, null)));

        assertThat(rules.forUrl("https://www.tuoitre.vn/a.htm")).get().extracting(ExtractionRules.Rule::body).isEqualTo("div.detail-content");
        assertThat(rules.forUrl("https://congnghe.tuoitre.vn/b.htm")).get().extracting(ExtractionRules.Rule::body).isEqualTo("div.cn-body");
        assertThat(rules.forUrl("https://nottuoitre.vn/c.htm")).isEmpty();
        assertThat(rules.forUrl("not a url")).isEmpty();
    }

    @Test
    void invalidSelector_isAConfigErrorNamingFileRuleAndField() throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "rules:\n  - host: baodanang.example\n    body: \"div.content >\"\n");

        assertThatThrownBy(() -> ExtractionRules.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rules.yaml").hasMessageContaining("baodanang.example").hasMessageContaining("body");
    }

    @Test
    void unknownFieldOrMissingHostOrNoSelector_isAConfigError() throws Exception {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "rules:\n  - host: baodanang.example\n    bdy: div.content\n");
        Path noHost = dir.resolve("nohost.yaml");
        Files.writeString(noHost, "rules:\n  - body: div.content\n");
        Path nothing = dir.resolve("nothing.yaml");
        Files.writeString(nothing, "rules:\n  - host: baodanang.example\n");

        assertThatThrownBy(() -> ExtractionRules.load(typo)).isInstanceOf(ConfigException.class).hasMessageContaining("bdy");
        assertThatThrownBy(() -> ExtractionRules.load(noHost)).isInstanceOf(ConfigException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> ExtractionRules.load(nothing)).isInstanceOf(ConfigException.class).hasMessageContaining("no selector");
        assertThatThrownBy(() -> ExtractionRules.load(dir.resolve("missing.yaml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not found");
    }
}
