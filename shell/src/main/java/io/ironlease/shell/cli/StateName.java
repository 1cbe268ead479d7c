package io.ironlease.shell.cli;

import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.FailoverState;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The names of the integer states OMAPI sends: a lease's binding {@code state} and a failover peer's
 * {@code local-state} / {@code partner-state} (OMAPI-NOTES section 8), spelled as dhcpd.leases spells
 * them (the shared {@link BindingState} and {@link FailoverState}). Unknown codes are shown as
 * {@code unknown-N}, never hidden.
 */
enum StateName {
    LEASE(table(BindingState.values(), BindingState::code, BindingState::fileName)),
    FAILOVER(table(FailoverState.values(), FailoverState::code, FailoverState::fileName));

    private final Map<Integer, String> names;

    StateName(Map<Integer, String> names) {
        this.names = names;
    }

    private static <E> Map<Integer, String> table(E[] states, ToIntFunction<E> code, Function<E, String> name) {
        Map<Integer, String> names = new TreeMap<>();
        Arrays.stream(states).forEach(state -> names.put(code.applyAsInt(state), name.apply(state)));
        return names;
    }

    /** The name of a code. */
    String name(int code) {
        return names.getOrDefault(code, "unknown-" + Integer.toUnsignedString(code));
    }

    /** The code of a name (any case) or of a decimal code. */
    Optional<Integer> code(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        if (wanted.matches("\\d{1,3}")) {
            return Optional.of(Integer.parseInt(wanted));
        }
        return names.entrySet().stream().filter(entry -> entry.getValue().equals(wanted)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** All names, for messages. */
    String known() {
        return String.join(", ", names.values());
    }
}
