package io.ironlease.shell.cli;

import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys in a key file: one or more dhcpd.conf {@code key} stanzas (what {@code ironlease-keygen -o}
 * and {@code tsig-keygen} write), e.g. {@code key omapi_key { algorithm hmac-md5; secret "..."; };},
 * or just a base64 secret. Comments ({@code #}, {@code //}, C style) are skipped. Errors name the
 * file's line.
 */
final class KeyFile {

    /** A key as read: the algorithm may be absent (a bare secret, or a stanza without one). */
    record Entry(String name, Optional<KeyAlgorithm> algorithm, byte[] secret) {
    }

    private final Map<String, Entry> stanzas;
    private final byte[] bareSecret;

    private KeyFile(Map<String, Entry> stanzas, byte[] bareSecret) {
        this.stanzas = stanzas;
        this.bareSecret = bareSecret;
    }

    /** Parses the file's text; {@code source} names it in error messages. */
    static KeyFile parse(String text, String source) {
        String compact = text.strip();
        if (!compact.isEmpty() && compact.matches("[A-Za-z0-9+/]+={0,2}")) {
            return new KeyFile(Map.of(), secret(compact, source, 1));
        }
        List<String[]> tokens = tokens(text, source);
        Map<String, Entry> keys = new LinkedHashMap<>();
        int i = 0;
        while (i < tokens.size()) {
            expect(tokens, i, "key", source);
            String name = word(tokens, i + 1, source);
            expect(tokens, i + 2, "{", source);
            i += 3;
            KeyAlgorithm algorithm = null;
            byte[] secret = null;
            while (!at(tokens, i).equals("}")) {
                String statement = word(tokens, i, source);
                String value = word(tokens, i + 1, source);
                int line = Integer.parseInt(tokens.get(i + 1)[1]);
                expect(tokens, i + 2, ";", source);
                switch (statement) {
                    case "algorithm" -> algorithm = KeyAlgorithm.fromName(value).orElseThrow(() -> new IllegalArgumentException(
                            source + ":" + line + ": unknown algorithm \"" + value + "\" (expected one of: "
                                    + KeyAlgorithm.knownNames() + ")"));
                    case "secret" -> secret = secret(value, source, line);
                    default -> throw new IllegalArgumentException(source + ":" + tokens.get(i)[1]
                            + ": expected algorithm or secret, not \"" + statement + "\"");
                }
                i += 3;
            }
            i++;
            if (i < tokens.size() && at(tokens, i).equals(";")) {
                i++;
            }
            if (secret == null) {
                throw new IllegalArgumentException(source + ": key " + name + " has no secret");
            }
            keys.put(name, new Entry(name, Optional.ofNullable(algorithm), secret));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(source + ": no key stanza and no base64 secret");
        }
        return new KeyFile(keys, null);
    }

    /**
     * The key to use: by name when given (a bare secret takes any name), else the file's only key.
     * The algorithm comes from {@code algorithm} when given, else the stanza, else HMAC-MD5.
     */
    OmapiKey select(String name, KeyAlgorithm algorithm, String source) {
        Entry entry;
        if (bareSecret != null) {
            if (name == null) {
                throw new IllegalArgumentException(source + " holds only a secret: name the key with --key-name");
            }
            entry = new Entry(name, Optional.empty(), bareSecret);
        } else if (name != null) {
            entry = stanzas.get(name);
            if (entry == null) {
                throw new IllegalArgumentException(source + " has no key " + name + " (it has: "
                        + String.join(", ", stanzas.keySet()) + ")");
            }
        } else if (stanzas.size() == 1) {
            entry = stanzas.values().iterator().next();
        } else {
            throw new IllegalArgumentException(source + " has several keys (" + String.join(", ", stanzas.keySet())
                    + "): choose one with --key-name");
        }
        KeyAlgorithm chosen = algorithm != null ? algorithm : entry.algorithm().orElse(KeyAlgorithm.HMAC_MD5);
        return new OmapiKey(entry.name(), chosen, entry.secret());
    }

    private static byte[] secret(String base64, String source, int line) {
        try {
            return OmapiKey.decodeSecret(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ":" + line + ": " + e.getMessage());
        }
    }

    private static String at(List<String[]> tokens, int i) {
        return i < tokens.size() ? tokens.get(i)[0] : "";
    }

    private static void expect(List<String[]> tokens, int i, String wanted, String source) {
        if (!at(tokens, i).equals(wanted)) {
            throw new IllegalArgumentException(where(tokens, i, source) + ": expected \"" + wanted + "\""
                    + (i < tokens.size() ? ", found \"" + at(tokens, i) + "\"" : " before the end"));
        }
    }

    private static String word(List<String[]> tokens, int i, String source) {
        String token = at(tokens, i);
        if (token.isEmpty() || token.equals("{") || token.equals("}") || token.equals(";")) {
            throw new IllegalArgumentException(where(tokens, i, source) + ": expected a name or value"
                    + (i < tokens.size() ? ", found \"" + token + "\"" : " before the end"));
        }
        return token;
    }

    private static String where(List<String[]> tokens, int i, String source) {
        return source + ":" + (i < tokens.size() ? tokens.get(i)[1] : tokens.isEmpty() ? "1" : tokens.get(tokens.size() - 1)[1]);
    }

    /** Words, quoted strings (without quotes) and the punctuation { } ; with their line numbers. */
    private static List<String[]> tokens(String text, String source) {
        List<String[]> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException(source + ":" + line + ": unterminated comment");
                }
                line += (int) text.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 2;
            } else if (c == '{' || c == '}' || c == ';') {
                tokens.add(new String[] {String.valueOf(c), Integer.toString(line)});
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException(source + ":" + line + ": unterminated string");
                }
                tokens.add(new String[] {text.substring(i + 1, end), Integer.toString(line)});
                i = end + 1;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "{};\"#".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new String[] {text.substring(start, i), Integer.toString(line)});
            }
        }
        return tokens;
    }
}
