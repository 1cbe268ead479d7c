package io.ironlease.server.failover.wire;

/** One option as it travels: u16 code, u16 length, data (§6.2). */
public record RawOption(int code, Bytes data) {

    public RawOption {
        if (code < 0 || code > 0xffff) {
            throw new IllegalArgumentException("option code out of 0-65535: " + code);
        }
        if (data.length() > 0xffff) {
            throw new IllegalArgumentException("option data longer than 65535 bytes: " + data.length());
        }
    }

    /** Encoded size including the 4-byte code and length. */
    public int encodedLength() {
        return 4 + data.length();
    }

    @Override
    public String toString() {
        return FailoverOptionCode.fromCode(code).map(FailoverOptionCode::draftName).orElse("option-" + code)
                + "=" + data.hex();
    }
}
