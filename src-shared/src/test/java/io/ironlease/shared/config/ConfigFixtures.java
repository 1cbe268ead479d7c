package io.ironlease.shared.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads test configs from the classpath (src/test/resources). */
public final class ConfigFixtures {

    /** A real base64 secret to put in place of the seed's placeholder (test only). */
    public static final String TEST_SECRET = "bGFiLW9ubHktb21hcGktc2VjcmV0";

    private ConfigFixtures() {
    }

    public static String text(String resource) {
        try (InputStream in = ConfigFixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed config with its placeholder secret replaced by {@link #TEST_SECRET}. */
    public static String withRealSecret(String seedText) {
        return seedText.replace("secret your_generated_key;", "secret " + TEST_SECRET + ";");
    }
}
