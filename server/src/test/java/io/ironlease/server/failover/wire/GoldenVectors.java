package io.ironlease.server.failover.wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads the captured ISC messages under src/test/resources/golden/failover (see its README). */
public final class GoldenVectors {

    /** One captured message: where it was in the file, who sent it, the decoder's text and its bytes. */
    public record Vector(String file, int line, double seconds, String sender, String receiver, String decoded,
            byte[] bytes) {

        @Override
        public String toString() {
            return file + ":" + line + " " + decoded;
        }
    }

    private static final Pattern LINE = Pattern.compile("^\\s*([0-9.]+) (\\S+) > (\\S+) (.*)$");

    private GoldenVectors() {
    }

    public static List<Vector> load(String name) {
        String resource = "/golden/failover/" + name;
        try (InputStream in = GoldenVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<Vector> vectors = new ArrayList<>();
            String text;
            int lineNo = 0;
            while ((text = reader.readLine()) != null) {
                lineNo++;
                Matcher m = LINE.matcher(text);
                if (!m.matches()) {
                    throw new IllegalStateException(resource + ":" + lineNo + ": not a decode line: " + text);
                }
                String hex = reader.readLine();
                lineNo++;
                vectors.add(new Vector(name, lineNo - 1, Double.parseDouble(m.group(1)), m.group(2), m.group(3),
                        m.group(4).strip(), HexFormat.of().parseHex(hex.strip())));
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
