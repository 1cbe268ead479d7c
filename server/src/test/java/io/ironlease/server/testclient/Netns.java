package io.ironlease.server.testclient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Network namespaces for end-to-end tests: created by the test, removed by {@link #close}. Every
 * command runs with a time limit; processes started here are stopped by their PID. Needs root.
 */
public final class Netns implements AutoCloseable {

    private final List<String> names = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(10000, 99999));

    public static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").start();
            String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return p.waitFor(5, TimeUnit.SECONDS) && uid.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Creates namespace {@code base-SUFFIX} with lo up; returns its name. */
    public String create(String base) throws IOException {
        String name = base + "-" + suffix;
        run("ip", "netns", "add", name);
        names.add(name);
        run("ip", "-n", name, "link", "set", "lo", "up");
        return name;
    }

    /** A veth pair with both ends named {@code ifname}, one in each namespace, both up. */
    public void veth(String nsA, String nsB, String ifname, String macB) throws IOException {
        run("ip", "-n", nsA, "link", "add", ifname, "type", "veth", "peer", "name", ifname, "netns", nsB);
        if (macB != null) {
            run("ip", "-n", nsB, "link", "set", ifname, "address", macB);
        }
        run("ip", "-n", nsA, "link", "set", ifname, "up");
        run("ip", "-n", nsB, "link", "set", ifname, "up");
    }

    /** Runs a command to completion (30 s at most) and returns its output; fails on a non-zero exit. */
    public static String run(String... command) throws IOException {
        return run(true, command);
    }

    /** Like {@link #run} but returns the output whatever the exit code (e.g. perfdhcp counting drops). */
    public static String output(String... command) throws IOException {
        return run(false, command);
    }

    private static String run(boolean check, String... command) throws IOException {
        Path out = Files.createTempFile("netns", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean done = waitFor(p, 30);
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (!done || check && p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (" + (done ? "exit " + p.exitValue()
                        : "timeout") + "): " + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Starts {@code command} inside {@code ns}; it is stopped (by PID) on {@link #close}. */
    public Process start(String ns, List<String> command, Path output) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        processes.add(p);
        return p;
    }

    private static boolean waitFor(Process p, int seconds) throws IOException {
        try {
            if (p.waitFor(seconds, TimeUnit.SECONDS)) {
                return true;
            }
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        for (Process p : processes) {
            if (p.isAlive()) {
                p.destroy();
                waitFor(p, 5);
            }
        }
        IOException failure = null;
        for (int i = names.size() - 1; i >= 0; i--) {
            try {
                run("ip", "netns", "del", names.get(i));
            } catch (IOException e) {
                failure = e;
            }
        }
        names.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
