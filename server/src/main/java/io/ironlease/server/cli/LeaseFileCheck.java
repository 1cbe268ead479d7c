package io.ironlease.server.cli;

import io.ironlease.shared.leases.LeaseFileException;
import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ironlease-server -T}: reads a lease file as the server would at start-up, like
 * {@code dhcpd -T}, and reports: the first error as {@code file:line:col: message} (exit 1), or what
 * it holds (exit 0). A last record cut short by a crash is a warning, as it is for the server.
 */
public final class LeaseFileCheck {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;

    public LeaseFileCheck(PrintWriter out, PrintWriter err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    public int run(Path leaseFile) {
        if (!Files.isReadable(leaseFile)) {
            err.println("ironlease-server: " + leaseFile + ": cannot read the lease file");
            err.flush();
            return 1;
        }
        LeaseTable table = new LeaseTable();
        try (LeaseFileReader reader = LeaseFileReader.open(leaseFile)) {
            LeaseFileReader.Result result = reader.read(table);
            result.problems().forEach(err::println);
            if (!quiet) {
                out.println("ironlease-server: " + leaseFile + ": " + result.records() + " records, "
                        + table.leaseCount() + " leases, " + table.hosts().size() + " hosts, "
                        + table.failoverStates().size() + " failover states; lease file OK");
            }
            return 0;
        } catch (LeaseFileException e) {
            err.println(e.getMessage());
            err.println("ironlease-server: " + leaseFile + ": lease file rejected");
            return 1;
        } catch (IOException e) {
            err.println("ironlease-server: " + leaseFile + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
