package io.ironlease.server.omapi;

import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.shared.config.ConfigError;
import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.options.OptionDefinition;
import io.ironlease.shared.options.OptionSpace;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code statements} value of an OMAPI host or group ({@code "option host-name \"x\";"}) turned
 * into the statements dhcpd writes to the lease file: dhcpd parses them and writes each option setting
 * as {@code supersede NAME = VALUE;}, server parameters with a {@code server.} prefix, a value that
 * is all printable as a quoted string and any other as colon-separated hex
 * ({@code default-lease-time 600;} becomes {@code supersede server.default-lease-time = 00:00:02:58;},
 * OMAPI-NOTES section 8). Pure.
 *
 * <p>Only literal settings are taken: an expression, a host name to resolve, a block ({@code if},
 * {@code on}) or a declaration is refused with dhcpd's 0x60008 "bad parse", as is anything the
 * config grammar rejects. A value made of several items (two routers) is written as one hex constant,
 * which dhcpd reads back to the same bytes, where dhcpd itself might write a {@code concat(...)}.
 */
final class StatementsText {

    /** dhcpd's DHCP_R_BADPARSE. */
    static final OmapiStatus BAD_PARSE = OmapiStatus.valueOf(0x60008);

    private StatementsText() {
    }

    /** The lease-file statements for {@code text}; throws 0x60008 naming the first problem. */
    static List<String> parse(String text) throws OmapiException {
        List<ConfigError> errors = new ArrayList<>();
        List<Statement> statements = ConfigLoader.parseSyntax("statements", text, errors);
        if (!errors.isEmpty()) {
            // what dhcpd would refuse too: its status, its message
            throw new OmapiException(BAD_PARSE);
        }
        List<String> out = new ArrayList<>();
        for (Statement statement : statements) {
            if (statement instanceof Statement.Option option) {
                out.add(option(option));
            } else {
                throw bad("only option and parameter settings are taken, not " + kind(statement));
            }
        }
        return out;
    }

    private static String option(Statement.Option option) throws OmapiException {
        if (option.isComputed() || option.value() == null) {
            throw bad(option.definition().name() + ": an expression is not taken, only a literal value");
        }
        if (option.value().hasHostNames()) {
            throw bad(option.definition().name() + ": a host name is not taken, only addresses");
        }
        byte[] value;
        try {
            value = option.value().encode();
        } catch (RuntimeException e) {
            throw bad(option.definition().name() + ": " + e.getMessage());
        }
        String mode = switch (option.mode()) {
            case OPTION, SUPERSEDE -> "supersede";
            default -> option.mode().keyword();
        };
        return mode + " " + name(option.definition()) + " = " + constant(value) + ";";
    }

    private static String name(OptionDefinition definition) {
        return definition.space().equals(OptionSpace.DHCP) ? definition.name()
                : definition.space() + "." + definition.name();
    }

    /** dhcpd's way of writing a data constant: a quoted string when every byte is printable, else hex. */
    static String constant(byte[] value) {
        boolean printable = value.length > 0;
        for (byte b : value) {
            if (b < 0x20 || b >= 0x7f || b == '"' || b == '\\') {
                printable = false;
                break;
            }
        }
        if (printable) {
            return '"' + new String(value, StandardCharsets.US_ASCII) + '"';
        }
        StringBuilder hex = new StringBuilder(value.length * 3);
        for (int i = 0; i < value.length; i++) {
            hex.append(i == 0 ? "" : ":").append(Character.forDigit((value[i] >> 4) & 0xf, 16))
                    .append(Character.forDigit(value[i] & 0xf, 16));
        }
        return value.length == 0 ? "\"\"" : hex.toString();
    }

    private static String kind(Statement statement) {
        String name = statement.getClass().getSimpleName();
        return name.isEmpty() ? "this statement" : "a " + name + " statement";
    }

    private static OmapiException bad(String why) {
        return new OmapiException(BAD_PARSE, "can't update object: statements: " + why);
    }
}
