package io.ironlease.shared.config.ast;

import io.ironlease.shared.config.SourcePos;
import io.ironlease.shared.config.model.FailoverRole;
import io.ironlease.shared.options.HostRef;

/** One statement inside a {@code failover peer "NAME" { ... }} declaration. */
public sealed interface FailoverSetting {

    SourcePos pos();

    /** {@code primary;} or {@code secondary;}. */
    record Role(SourcePos pos, FailoverRole role) implements FailoverSetting {
    }

    /** {@code address A;} or, with {@code peer}, {@code peer address A;}. */
    record Address(SourcePos pos, boolean peer, HostRef address) implements FailoverSetting {
    }

    /** {@code port N;} or {@code peer port N;}. */
    record Port(SourcePos pos, boolean peer, int port) implements FailoverSetting {
    }

    /** A numeric parameter such as {@code mclt 3600;}. */
    record Number(SourcePos pos, Parameter parameter, long value) implements FailoverSetting {
    }

    /** {@code hba} with its 32-byte bitmap. */
    record Hba(SourcePos pos, byte[] bitmap) implements FailoverSetting {
        public Hba {
            bitmap = bitmap.clone();
        }

        @Override
        public byte[] bitmap() {
            return bitmap.clone();
        }
    }

    /** The numeric failover parameters and their dhcpd.conf spelling. */
    enum Parameter {
        MAX_RESPONSE_DELAY("max-response-delay"),
        MAX_UNACKED_UPDATES("max-unacked-updates"),
        MCLT("mclt"),
        SPLIT("split"),
        LOAD_BALANCE_MAX_SECONDS("load balance max seconds"),
        MAX_LEASE_MISBALANCE("max-lease-misbalance"),
        MAX_LEASE_OWNERSHIP("max-lease-ownership"),
        MIN_BALANCE("min-balance"),
        MAX_BALANCE("max-balance"),
        AUTO_PARTNER_DOWN("auto-partner-down");

        private final String keyword;

        Parameter(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }
}
