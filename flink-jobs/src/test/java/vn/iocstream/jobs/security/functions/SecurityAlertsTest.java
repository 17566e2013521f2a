package vn.iocstream.jobs.security.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.iocstream.core.config.IocConfig;
import vn.iocstream.core.model.Alert;
import vn.iocstream.core.model.AlertDrivers;
import vn.iocstream.core.model.Locality;
import vn.iocstream.jobs.security.SecurityRules;

class SecurityAlertsTest {
    private static final IocConfig.Site SITE = new IocConfig.Site("Tây Ninh", "");

    @Test
    void aPortScan_namesItsSourceTargetAndPorts_atTheConfiguredSite() {
        Alert a = SecurityAlerts.alert(SecurityRules.PORT_SCAN, "warning", "45.76.12.9 → 10.20.0.15", 1_000, 1_000, 61_000, 22, 0,
                List.of("e1"), List.of("22", "80", "443", "3389"), SITE);
        assertThat(a.kind()).isEqualTo("security.scan");
        assertThat(a.locality()).isEqualTo(Locality.province("Tây Ninh"));
        assertThat(a.drivers().sources()).containsExactly(new AlertDrivers.Facet("45.76.12.9", 22));
        assertThat(a.drivers().targets()).containsExactly(new AlertDrivers.Facet("10.20.0.15", 22));
        assertThat(a.drivers().facts()).containsExactly("Cổng bị dò: 22, 3389, 443, 80");
    }

    @Test
    void aWebProbe_namesItsSignature_andWithoutASiteHasNoLocality() {
        Alert a = SecurityAlerts.alert(SecurityRules.WEB_PROBE, "warning", "103.21.9.77 sql-injection", 1_000, 1_000, 2_000, 3, 0,
                List.of(), List.of(), IocConfig.Site.NONE);
        assertThat(a.kind()).isEqualTo("security.web_probe");
        assertThat(a.locality().known()).isFalse();
        assertThat(a.drivers().targets()).containsExactly(new AlertDrivers.Facet("sql-injection", 3));
        Alert rate = SecurityAlerts.alert(SecurityRules.REQUEST_RATE, "warning", "dichvucong.tayninh.gov.vn", 0, 0, 60_000, 900, 40,
                List.of(), List.of(), SITE);
        assertThat(rate.kind()).isEqualTo("security.rate_anomaly");
        assertThat(rate.drivers().sources()).isEmpty();
        assertThat(rate.drivers().targets()).containsExactly(new AlertDrivers.Facet("dichvucong.tayninh.gov.vn", 900));
    }
}
