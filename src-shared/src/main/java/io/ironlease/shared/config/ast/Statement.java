package io.ironlease.shared.config.ast;

import io.ironlease.shared.config.SourcePos;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostRef;
import io.ironlease.shared.options.OptionDefinition;
import io.ironlease.shared.options.OptionSpace;
import io.ironlease.shared.options.OptionValue;
import java.util.List;

/**
 * A parsed dhcpd.conf statement. Included files are spliced in place; every node keeps the position
 * of its first token (in its own file). Block statements hold their body in order.
 */
public sealed interface Statement {

    SourcePos pos();

    /** {@code shared-network NAME { ... }}. */
    record SharedNetwork(SourcePos pos, String name, List<Statement> body) implements Statement {
        public SharedNetwork {
            body = List.copyOf(body);
        }
    }

    /** {@code subnet A netmask M { ... }}; the mask is checked when the model is built. */
    record Subnet(SourcePos pos, Ipv4Address network, Ipv4Address netmask, SourcePos netmaskPos,
            List<Statement> body) implements Statement {
        public Subnet {
            body = List.copyOf(body);
        }
    }

    /** {@code pool { ... }}. */
    record Pool(SourcePos pos, List<Statement> body) implements Statement {
        public Pool {
            body = List.copyOf(body);
        }
    }

    /** {@code host NAME { ... }}. */
    record Host(SourcePos pos, String name, List<Statement> body) implements Statement {
        public Host {
            body = List.copyOf(body);
        }
    }

    /** {@code group [NAME] { ... }}; name is empty for an anonymous group. */
    record Group(SourcePos pos, String name, List<Statement> body) implements Statement {
        public Group {
            body = List.copyOf(body);
        }
    }

    /** {@code class "NAME" { ... }} (also {@code vendor-class}, {@code user-class}). */
    record ClassDecl(SourcePos pos, String keyword, String name, List<Statement> body) implements Statement {
        public ClassDecl {
            body = List.copyOf(body);
        }
    }

    /** {@code subclass "CLASS" VALUE;} or with a body; the value is a string or colon-separated hex. */
    record Subclass(SourcePos pos, String className, byte[] value, String valueText, List<Statement> body)
            implements Statement {
        public Subclass {
            value = value.clone();
            body = List.copyOf(body);
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    /** {@code range [dynamic-bootp] LOW [HIGH];}; high equals low for a single address. */
    record Range(SourcePos pos, boolean dynamicBootp, Ipv4Address low, Ipv4Address high) implements Statement {
    }

    /** {@code hardware TYPE ADDRESS;} in a host. */
    record Hardware(SourcePos pos, HardwareAddress address) implements Statement {
    }

    /** {@code fixed-address A [, B ...];} in a host; entries may be host names. */
    record FixedAddress(SourcePos pos, List<HostRef> addresses) implements Statement {
        public FixedAddress {
            addresses = List.copyOf(addresses);
        }
    }

    /** {@code uid VALUE;} in a host: a client identifier as string or colon-separated hex. */
    record Uid(SourcePos pos, byte[] value) implements Statement {
        public Uid {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    /** {@code host-identifier option NAME VALUE;} in a host. */
    record HostIdentifier(SourcePos pos, OptionDefinition option, OptionValue value) implements Statement {
    }

    /** {@code group "NAME";} inside a host: membership of a named group. */
    record GroupRef(SourcePos pos, String name) implements Statement {
    }

    /** {@code dynamic;} or {@code deleted;} inside a host (as OMAPI writes hosts). */
    record HostFlag(SourcePos pos, String flag) implements Statement {
    }

    /** {@code key NAME { algorithm A; secret S; }}; values kept as written, checked later. */
    record Key(SourcePos pos, String name, String algorithm, SourcePos algorithmPos, String secret,
            SourcePos secretPos) implements Statement {
    }

    /**
     * {@code failover peer "NAME" { ... }}; {@code complete} is false when a statement inside failed to
     * parse (so checks for missing settings stay quiet instead of piling up).
     */
    record FailoverPeer(SourcePos pos, String name, List<FailoverSetting> settings, boolean complete)
            implements Statement {
        public FailoverPeer {
            settings = List.copyOf(settings);
        }
    }

    /** {@code failover peer "NAME" state { my state S at DATE; partner state S at DATE; mclt N; }}. */
    record FailoverState(SourcePos pos, String name, String myState, String myStateDate, String partnerState,
            String partnerStateDate, long mclt) implements Statement {
    }

    /** {@code failover peer "NAME";} inside a pool (or a subnet/shared-network whose pools inherit it). */
    record FailoverPeerRef(SourcePos pos, String name) implements Statement {
    }

    /**
     * An option or parameter setting: {@code option routers 10.0.0.1;}, {@code default-lease-time 600;}
     * (definition in the {@code server} space), or {@code option NAME = EXPRESSION;} (value empty).
     */
    record Option(SourcePos pos, OptionMode mode, OptionDefinition definition, OptionValue value,
            Expression expression) implements Statement {
        /** True when the value is computed per packet from an expression. */
        public boolean isComputed() {
            return expression != null;
        }
    }

    /** {@code option space NAME ...;}. */
    record OptionSpaceDecl(SourcePos pos, OptionSpace space) implements Statement {
    }

    /** {@code option NAME code N = TYPE;}. */
    record OptionDefinitionDecl(SourcePos pos, OptionDefinition definition) implements Statement {
    }

    /** {@code allow|deny|ignore FLAG;} outside pools, e.g. {@code deny unknown-clients;}. */
    record AllowDeny(SourcePos pos, Access access, String flag) implements Statement {
    }

    /** {@code allow|deny PERMIT;} inside a pool. */
    record PoolPermit(SourcePos pos, boolean allow, Permit permit) implements Statement {
    }

    /** {@code match if E;}, {@code match E;} or {@code spawn with E;} in a class. */
    record Match(SourcePos pos, String kind, Expression expression) implements Statement {
    }

    /** {@code lease limit N;} in a class. */
    record LeaseLimit(SourcePos pos, int limit) implements Statement {
    }

    /** {@code if E { ... } elsif E { ... } else { ... }}. */
    record If(SourcePos pos, List<Branch> branches, List<Statement> otherwise) implements Statement {
        public If {
            branches = List.copyOf(branches);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** One condition and body of an {@link If}. */
    record Branch(SourcePos pos, Expression condition, List<Statement> body) {
        public Branch {
            body = List.copyOf(body);
        }
    }

    /** {@code on commit|release|expiry { ... }}; the body is kept as source text. */
    record On(SourcePos pos, List<String> events, String body) implements Statement {
        public On {
            events = List.copyOf(events);
        }
    }

    /** An executable statement kept as source text ({@code log}, {@code set}, {@code execute}, ...). */
    record Executable(SourcePos pos, String keyword, String text) implements Statement {
    }

    /** {@code zone NAME { ... }} for DNS updates; kept as source text. */
    record Zone(SourcePos pos, String name, String body) implements Statement {
    }
}
