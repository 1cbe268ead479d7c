package io.ironlease.server.testclient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Kea's {@code perfdhcp} as a relay agent against a server and parses its report. The recipe
 * for loopback without privileges (see {@code perfdhcp-loopback.md}): the server listens on another
 * loopback address, e.g. 127.0.0.3:P, and perfdhcp relays from 127.0.0.1 (the only configured
 * loopback address, which perfdhcp requires) at the same port P, which is where servers answer
 * relays: {@code perfdhcp -4 -l 127.0.0.1 -L P -N P -r RATE -p SECONDS -R CLIENTS 127.0.0.3}.
 */
public final class Perfdhcp {

    /** One run's figures: DISCOVER/OFFER and REQUEST/ACK counts and perfdhcp's rate line. */
    public record Result(double exchangesPerSecond, long discoversSent, long offersReceived, long requestsSent,
            long acksReceived, int exitCode, String output) {
    }

    /**
     * @param localAddress the relay address perfdhcp uses as giaddr (must be configured on an interface)
     * @param port the server port, used both as perfdhcp's local port (-L) and remote port (-N)
     * @param server the server's address
     * @param rate exchanges started per second (-r)
     * @param seconds test period (-p)
     * @param clients distinct simulated clients (-R)
     * @param extraArgs anything else, e.g. "-n", "100"
     */
    public record Run(String localAddress, int port, String server, int rate, int seconds, int clients,
            List<String> extraArgs) {

        public List<String> command() {
            List<String> command = new ArrayList<>(List.of("perfdhcp", "-4", "-l", localAddress,
                    "-L", Integer.toString(port), "-N", Integer.toString(port), "-r", Integer.toString(rate),
                    "-p", Integer.toString(seconds), "-R", Integer.toString(clients), "-d", "2"));
            command.addAll(extraArgs);
            command.add(server);
            return command;
        }
    }

    private static final Pattern RATE = Pattern.compile("Rate: ([0-9.]+) 4-way");
    private static final Pattern SECTION = Pattern.compile(
            "Statistics for: (DISCOVER-OFFER|REQUEST-ACK)\\*\\*\\*\\s+sent packets: (\\d+)\\s+received packets: (\\d+)");

    private Perfdhcp() {
    }

    /** Runs perfdhcp to completion, killing it (by its PID) if it outlives the period by 30 s. */
    public static Result run(Run run) throws IOException, InterruptedException {
        Path log = Files.createTempFile("perfdhcp", ".out");
        try {
            Process process = new ProcessBuilder(run.command()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            try {
                if (!process.waitFor(run.seconds() + 30L, TimeUnit.SECONDS)) {
                    throw new IOException("perfdhcp (pid " + process.pid() + ") did not finish within "
                            + (run.seconds() + 30) + " s");
                }
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            return parse(Files.readString(log, StandardCharsets.UTF_8), process.exitValue());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Parses a perfdhcp report. */
    public static Result parse(String output, int exitCode) {
        Matcher rate = RATE.matcher(output);
        long[] counts = new long[4];
        Matcher section = SECTION.matcher(output);
        while (section.find()) {
            int base = section.group(1).equals("DISCOVER-OFFER") ? 0 : 2;
            counts[base] = Long.parseLong(section.group(2));
            counts[base + 1] = Long.parseLong(section.group(3));
        }
        return new Result(rate.find() ? Double.parseDouble(rate.group(1)) : 0, counts[0], counts[1], counts[2],
                counts[3], exitCode, output);
    }
}
