package io.ironlease.pools.alarm;

/** Monitoring plugin return codes (Nagios plugin guidelines, "Plugin Return Codes"). */
public enum NagiosStatus {
    OK(0),
    WARNING(1),
    CRITICAL(2),
    UNKNOWN(3);

    private final int code;

    NagiosStatus(int code) {
        this.code = code;
    }

    /** The process exit code. */
    public int code() {
        return code;
    }

    public static NagiosStatus fromCode(int code) {
        for (NagiosStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("not a monitoring plugin status: " + code);
    }
}
