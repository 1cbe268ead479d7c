package io.ironlease.shared.leases;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Test data: the lease files ISC dhcpd 4.4.3 wrote, copied from the reference captures. */
final class LeaseResources {

    /** Files written by dhcpd itself, byte for byte. */
    static final List<String> DHCPD_WRITTEN = List.of("lab-pair-primary", "lab-pair-secondary", "seed-primary",
            "seed-secondary", "takeover-primary", "takeover-secondary", "omapi-plain", "omapi-failover",
            "omapi-plain-rewrite", "capture-primary", "capture-secondary");

    /** Every lease file in the test resources (the last two were generated in dhcpd's format). */
    static final List<String> ALL;

    static {
        List<String> all = new ArrayList<>(DHCPD_WRITTEN);
        all.add("synthetic-1k");
        all.add("semantics-mini");
        ALL = List.copyOf(all);
    }

    private LeaseResources() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = LeaseResources.class.getResourceAsStream("/leases/" + name + "/dhcpd.leases")) {
            if (in == null) {
                throw new IllegalArgumentException("no test lease file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<LeaseFileRecord> records(byte[] data, String name) throws IOException, LeaseFileException {
        List<LeaseFileRecord> records = new ArrayList<>();
        try (LeaseFileReader reader = reader(data, name, LeaseFileReader.Options.strict())) {
            LeaseFileReader.Result result = reader.read(records::add);
            if (result.problemCount() != 0) {
                throw new AssertionError("problems in " + name + ": " + result.problems());
            }
        }
        return records;
    }

    static List<LeaseFileRecord> records(String name) throws IOException, LeaseFileException {
        return records(bytes(name), name);
    }

    static LeaseTable table(String name) throws IOException, LeaseFileException {
        LeaseTable table = new LeaseTable();
        records(name).forEach(table);
        return table;
    }

    static LeaseFileReader reader(byte[] data, String name, LeaseFileReader.Options options) {
        return LeaseFileReader.of(new ByteArrayInputStream(data), name, options);
    }
}
