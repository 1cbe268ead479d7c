package io.ironlease.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.server.OmapiServer;
import io.ironlease.omapi.testing.GoldenVectors;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The listing extension from the command line: filters, paging, limits, and a server without it. */
class LeasesCommandTest {

    private static final Map<String, String> ENV = Map.of("SECRET", GoldenVectors.labKey().secretBase64());
    private static OmapiServer full;
    private static OmapiServer plain;

    @BeforeAll
    static void start() throws Exception {
        full = TestServers.full();
        plain = TestServers.plain();
    }

    @AfterAll
    static void stop() {
        full.close();
        plain.close();
    }

    private static Run leases(OmapiServer server, String... filters) {
        String[] args = new String[filters.length + 7];
        args[0] = "leases";
        System.arraycopy(filters, 0, args, 1, filters.length);
        System.arraycopy(new String[] {"--port", Integer.toString(server.port()), "--key-name", "omapi_key",
            "--key-env", "SECRET"}, 0, args, filters.length + 1, 6);
        return Run.with(ENV, args);
    }

    @Test
    void filtersAndPagesThroughEverything() {
        Run run = leases(full, "--state", "active", "--mac-prefix", "00:11", "--page-size", "7", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{\n  \"count\": 150,\n  \"complete\": true,\n  \"leases\": [\n");
        assertThat(run.out()).contains("\"ip-address\": \"10.9.0.1\"", "\"ip-address\": \"10.9.2.99\"")
                .doesNotContain("10.9.0.2\"", "192.168.100");
    }

    @Test
    void aLimitSaysTheListingIsIncomplete() {
        Run run = leases(full, "--subnet", "10.9.1.0/24", "--limit", "10");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("IP-ADDRESS       STATE      HARDWARE-ADDRESS   ENDS                  CLIENT-HOSTNAME\n")
                .contains("10.9.1.1         active     00:11:00:00:00:64  2027-01-15T08:00:00Z  bulk-100\n")
                .endsWith("10 leases (more match: raise --limit)\n");
        assertThat(leases(full, "--subnet", "10.9.1.0/24", "--limit", "100").out()).endsWith("100 leases\n");
    }

    @Test
    void nothingMatches() {
        Run run = leases(full, "--ip-from", "172.16.0.0", "--ip-to", "172.16.255.255", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("{\n  \"count\": 0,\n  \"complete\": true,\n  \"leases\": []\n}\n");
    }

    @Test
    void badFiltersAreUsageErrors() {
        assertThat(leases(full, "--state", "sleepy").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(leases(full, "--subnet", "10.9.1.1/24").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(leases(full, "--ip-from", "10.0.0.9", "--ip-to", "10.0.0.1").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(leases(full, "--page-size", "5000").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aServerWithoutTheExtensionIsExitCode6() {
        Run run = leases(plain, "--state", "active");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_SUPPORTED);
        assertThat(run.err()).contains("this server does not support lease listing (ISC dhcpd?)");
        assertThat(run.out()).isEmpty();
    }
}
