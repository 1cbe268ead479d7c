package io.ironlease.pools;

import io.ironlease.pools.alarm.AlarmRenderer;
import io.ironlease.pools.alarm.NagiosStatus;
import io.ironlease.pools.analysis.Analysis;
import io.ironlease.pools.analysis.Analyzer;
import io.ironlease.pools.analysis.RangeSorter;
import io.ironlease.pools.analysis.RangeUsage;
import io.ironlease.pools.input.InputException;
import io.ironlease.pools.input.LeaseOptions;
import io.ironlease.pools.input.PoolsInput;
import io.ironlease.pools.model.LeaseTable;
import io.ironlease.pools.model.PoolLayout;
import io.ironlease.pools.render.CsvRenderer;
import io.ironlease.pools.render.HtmlRenderer;
import io.ironlease.pools.render.JsonRenderer;
import io.ironlease.pools.render.OutputFormat;
import io.ironlease.pools.render.PrometheusRenderer;
import io.ironlease.pools.render.Renderer;
import io.ironlease.pools.render.TextRenderer;
import io.ironlease.pools.render.WebPageRenderer;
import io.ironlease.pools.render.XmlRenderer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One analysis from files to output: read the config and the leases, count, sort, render, and answer
 * the exit code (the alarm status, or 0). Errors surface as {@link InputException} for the CLI to report.
 */
public final class PoolsApp {

    private final PoolsInput input;

    public PoolsApp(PoolsInput input) {
        this.input = input;
    }

    /** Runs the analysis; {@code stdout} receives the output unless {@code -o} names a file. */
    public int run(PoolsSettings settings, OutputStream stdout) throws InputException {
        if (settings.format() == OutputFormat.HTML_FRAGMENT) {
            throw new UsageException("html table only output format is deprecated");
        }
        LeaseOptions leaseOptions = new LeaseOptions(settings.format().listsLeases(), settings.expiryAware(),
                settings.now());
        // the lease file is read while the config is parsed: the big file hides the small one
        FutureTask<LeaseTable> reading = new FutureTask<>(() -> input.leases(settings.leases(), leaseOptions));
        Thread reader = new Thread(reading, "lease-reader");
        reader.setDaemon(true);
        reader.start();
        PoolLayout layout = input.layout(settings.config(), settings.allAsShared());
        Timing.mark("config read");
        LeaseTable leases = await(reading);
        Timing.mark("leases read");
        // dhcpd-pools learns the address family from the first address in the config, else from the
        // lease file; without one it counts nothing
        boolean ipv4Known = settings.ipv4Forced() || layout.addressSeen() || leases.tellsAddressFamily();
        if (!ipv4Known) {
            leases = new LeaseTable(leaseOptions.keepHardware());
        }
        Analysis analysis = new Analyzer(settings.bugCompat()).analyze(layout, leases, ipv4Known);
        List<RangeUsage> ordered = new RangeSorter(settings.sortKeys()).sort(analysis.ranges());
        if (settings.reverse()) {
            Collections.reverse(ordered);
        }
        analysis = analysis.withRanges(ordered);
        Timing.mark("counted and sorted");
        try (Writer out = open(settings, stdout)) {
            if (settings.format() == OutputFormat.ALARM) {
                AlarmRenderer.Result result = new AlarmRenderer(settings.alarms(), settings.limit(),
                        settings.programName(), settings.bugCompat(), settings.bugCompat()).render(analysis);
                out.write(result.text());
                return result.status().code();
            }
            renderer(settings).render(analysis, out);
            out.flush();
            Timing.mark("written");
            return NagiosStatus.OK.code();
        } catch (IOException e) {
            throw new InputException(describe(settings, e), e);
        }
    }

    private static LeaseTable await(FutureTask<LeaseTable> reading) throws InputException {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while reading the lease file", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InputException input) {
                throw input;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new InputException("reading the lease file failed: " + cause, cause);
        }
    }

    private Renderer renderer(PoolsSettings settings) throws InputException {
        return switch (settings.format()) {
            case TEXT -> new TextRenderer(settings.limit());
            case CSV -> new CsvRenderer(settings.limit(), settings.bugCompat());
            case JSON, JSON_WITH_LEASES -> new JsonRenderer(settings.limit(), settings.format().listsLeases());
            case XML, XML_WITH_LEASES -> new XmlRenderer(settings.limit(), settings.format().listsLeases());
            case PROMETHEUS -> new PrometheusRenderer(settings.limit());
            case HTML -> new HtmlRenderer(settings.limit(), settings.leases().toString(), modified(settings),
                    settings.programName() + " " + PoolsVersion.VERSION + " (dhcpd-pools 2.29 compatible)");
            case WEB_PAGE -> new WebPageRenderer(settings.limit(), settings.leases().toString(), modified(settings),
                    settings.alarms().warning());
            case ALARM, HTML_FRAGMENT -> throw new IllegalStateException("no renderer for " + settings.format());
        };
    }

    private static ZonedDateTime modified(PoolsSettings settings) throws InputException {
        try {
            return ZonedDateTime.ofInstant(Files.getLastModifiedTime(settings.leases()).toInstant(),
                    ZoneId.systemDefault());
        } catch (IOException e) {
            throw new InputException(settings.leases() + ": " + reason(e), e);
        }
    }

    private static Writer open(PoolsSettings settings, OutputStream stdout) throws IOException {
        OutputStream target = settings.output() == null ? new NonClosing(stdout)
                : Files.newOutputStream(settings.output(), StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        return new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
    }

    private static String describe(PoolsSettings settings, IOException e) {
        String where = settings.output() == null ? "standard output" : settings.output().toString();
        return where + ": " + reason(e);
    }

    /** A short reason for an I/O failure, without the exception class. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** Standard output stays open after one run, for tests that call {@link #run} repeatedly. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
