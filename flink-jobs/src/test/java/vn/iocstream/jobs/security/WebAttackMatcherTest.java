package vn.iocstream.jobs.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebAttackMatcherTest {
    @Test
    void knownAttacks_named() {
        assertThat(WebAttackMatcher.match("/wp-login.php?action=register")).isEqualTo("wp-login");
        assertThat(WebAttackMatcher.match("/xmlrpc.php")).isEqualTo("xmlrpc");
        assertThat(WebAttackMatcher.match("/download?file=....//....//etc/passwd")).isEqualTo("path-traversal");
        assertThat(WebAttackMatcher.match("/cgi-bin/view?f=/etc/passwd")).isEqualTo("etc-passwd");
        assertThat(WebAttackMatcher.match("/a?f=%252e%252e%252fboot.ini")).isEqualTo("path-traversal");
        assertThat(WebAttackMatcher.match("/tin-tuc?id=1+OR+1=1")).isEqualTo("sql-injection");
        assertThat(WebAttackMatcher.match("/search?q=%3Cscript%3Ealert(1)%3C/script%3E")).isEqualTo("xss");
        assertThat(WebAttackMatcher.match("/.env")).isEqualTo("sensitive-file");
        assertThat(WebAttackMatcher.match("/phpmyadmin/")).isEqualTo("admin-probe");
    }

    @Test
    void upperCaseRawAndEncodedForms_namedAlike() {
        assertThat(WebAttackMatcher.match("/WP-LOGIN.PHP")).isEqualTo("wp-login");
        assertThat(WebAttackMatcher.match("/Tin-Tuc?ID=1 UNION SELECT password FROM users")).isEqualTo("sql-injection");
        assertThat(WebAttackMatcher.match("/tin%2Dtuc?id=1%20UNION%20ALL%20SELECT%20null")).isEqualTo("sql-injection");
        assertThat(WebAttackMatcher.match("/q?x=%253Csvg%2520onload%253Dalert(1)%253E")).isEqualTo("xss");
        assertThat(WebAttackMatcher.match("/bad%zz?f=../../ETC/PASSWD")).isEqualTo("path-traversal");
        assertThat(WebAttackMatcher.match("/tìm-kiếm?q=<SCRIPT>")).isEqualTo("xss");
    }

    @Test
    void ordinaryPaths_quiet() {
        assertThat(WebAttackMatcher.match("/tin-tuc/tay-ninh-khoi-cong-cau-moi-123.html?page=2")).isNull();
        assertThat(WebAttackMatcher.match("/tim-kiem?q=union+select+nha+dat")).isEqualTo("sql-injection"); // admitted: word salad still trips it
        assertThat(WebAttackMatcher.match("/search?q=or+and+not")).isNull();
        assertThat(WebAttackMatcher.match("/bad%zzencoding")).isNull();
        assertThat(WebAttackMatcher.match("")).isNull();
    }
}
