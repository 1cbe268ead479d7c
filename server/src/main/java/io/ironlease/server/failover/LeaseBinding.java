package io.ironlease.server.failover;

import io.ironlease.server.failover.wire.BindingUpdate;
import io.ironlease.server.failover.wire.Bytes;
import io.ironlease.server.failover.wire.FailoverOptions;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What one BNDUPD says about one address (§7.1), in domain types. Times are whole seconds;
 * {@link Instant#EPOCH} stands for the 0 ISC sends as the lease-expiration-time of FREE and BACKUP
 * addresses.
 *
 * @param leaseExpiration the lease's {@code ends}
 * @param potentialExpiration the lease's {@code tstp}: the longest this server may let the client hold it
 * @param startTimeOfState the lease's {@code starts}
 * @param ipFlags IP-flags (§12.12: 1 reserved, 2 BOOTP); ISC sends the option only when non-zero
 */
public record LeaseBinding(Ipv4Address address, BindingStatus status, Optional<Bytes> clientIdentifier,
        Optional<HardwareAddress> hardwareAddress, Instant leaseExpiration, Instant potentialExpiration,
        Instant startTimeOfState, Optional<Instant> clientLastTransactionTime, int ipFlags) {

    public LeaseBinding {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(leaseExpiration, "leaseExpiration");
        Objects.requireNonNull(potentialExpiration, "potentialExpiration");
        Objects.requireNonNull(startTimeOfState, "startTimeOfState");
        if (ipFlags < 0 || ipFlags > 0xffff) {
            throw new IllegalArgumentException("IP-flags out of u16 range: " + ipFlags);
        }
    }

    /** A FREE or BACKUP address as pool balancing hands it over: no client, ends 0. */
    public static LeaseBinding available(Ipv4Address address, BindingStatus status, Instant now) {
        return new LeaseBinding(address, status, Optional.empty(), Optional.empty(), Instant.EPOCH, now, now,
                Optional.empty(), 0);
    }

    /**
     * The BNDUPD for this binding, options in ISC's order. Times travel as whole seconds: expirations
     * are rounded up, start and transaction times down.
     */
    public BindingUpdate toMessage(long time, long xid) {
        Optional<Bytes> chaddr = hardwareAddress.map(h -> {
            byte[] b = new byte[h.length() + 1];
            b[0] = (byte) h.type();
            System.arraycopy(h.bytes(), 0, b, 1, h.length());
            return Bytes.of(b);
        });
        return new BindingUpdate(time, xid, Optional.of(address), OptionalInt.of(status.code()), clientIdentifier,
                chaddr, OptionalLong.of(secondsUp(leaseExpiration)), OptionalLong.of(secondsUp(potentialExpiration)),
                OptionalLong.of(seconds(startTimeOfState)),
                clientLastTransactionTime.map(t -> OptionalLong.of(seconds(t))).orElse(OptionalLong.empty()),
                ipFlags == 0 ? OptionalInt.empty() : OptionalInt.of(ipFlags), Optional.empty(), Optional.empty(),
                Optional.empty(), FailoverOptions.NONE);
    }

    /**
     * Reads a received BNDUPD. Empty when it lacks assigned-IP-address or binding-status, names a
     * binding status the draft does not define, or carries an unusable hardware address; the receiver
     * then answers with reject-reason 3 (missing binding information), as ISC does.
     */
    public static Optional<LeaseBinding> from(BindingUpdate update) {
        if (update.assignedAddress().isEmpty() || update.bindingStatus().isEmpty()) {
            return Optional.empty();
        }
        Optional<BindingStatus> status = BindingStatus.fromCode(update.bindingStatus().getAsInt());
        if (status.isEmpty()) {
            return Optional.empty();
        }
        Optional<HardwareAddress> hardware = Optional.empty();
        if (update.clientHardwareAddress().isPresent()) {
            Bytes c = update.clientHardwareAddress().get();
            if (c.length() < 1 || c.length() > HardwareAddress.MAX_LENGTH + 1) {
                return Optional.empty();
            }
            byte[] raw = c.toArray();
            byte[] address = new byte[raw.length - 1];
            System.arraycopy(raw, 1, address, 0, address.length);
            hardware = Optional.of(HardwareAddress.of(raw[0] & 0xff, address));
        }
        return Optional.of(new LeaseBinding(update.assignedAddress().get(), status.get(), update.clientIdentifier(),
                hardware, instant(update.leaseExpirationTime()), instant(update.potentialExpirationTime()),
                instant(update.startTimeOfState()),
                update.clientLastTransactionTime().isPresent()
                        ? Optional.of(Instant.ofEpochSecond(update.clientLastTransactionTime().getAsLong()))
                        : Optional.empty(),
                update.ipFlags().orElse(0)));
    }

    private static Instant instant(OptionalLong seconds) {
        return Instant.ofEpochSecond(seconds.orElse(0));
    }

    /** Ends go out rounded up, so the partner never believes a lease ends before the client does. */
    static long secondsUp(Instant t) {
        return seconds(t.getNano() == 0 ? t : t.plusSeconds(1));
    }

    static long seconds(Instant t) {
        long s = t.getEpochSecond();
        return s < 0 ? 0 : Math.min(s, 0xffff_ffffL);
    }
}
