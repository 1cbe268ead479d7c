package io.ironlease.server.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.leases.FailoverState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Draft §9.2 reactions to the partner's STATE, as ISC 4.4 makes them (dhcp_failover_peer_state_changed). */
class PeerStateTableTest {

    @ParameterizedTest(name = "{0}{1} sees {2} -> {3} (startup flag {4}): {5} {6}")
    @CsvSource(nullValues = "-", value = {
        // mine, in startup, previous, next, peer startup flag, kind, target
        "NORMAL,false,NORMAL,NORMAL,false,BOTH_NORMAL,-",
        "NORMAL,false,NORMAL,PARTNER_DOWN,false,MOVE,POTENTIAL_CONFLICT",
        "NORMAL,true,NORMAL,PARTNER_DOWN,false,MOVE,RECOVER",
        "NORMAL,false,NORMAL,RECOVER,false,MOVE,PARTNER_DOWN",
        "NORMAL,false,NORMAL,SHUTDOWN,false,MOVE,PARTNER_DOWN",
        "NORMAL,false,NORMAL,PAUSED,false,MOVE,COMMUNICATIONS_INTERRUPTED",
        "NORMAL,false,NORMAL,POTENTIAL_CONFLICT,false,INVALID,-",
        "NORMAL,false,NORMAL,CONFLICT_DONE,false,INVALID,-",
        "NORMAL,false,NORMAL,RESOLUTION_INTERRUPTED,false,INVALID,-",
        "NORMAL,false,NORMAL,COMMUNICATIONS_INTERRUPTED,false,NONE,-",
        "NORMAL,false,NORMAL,RECOVER_DONE,false,NONE,-",
        "NORMAL,false,UNKNOWN,RECOVER_WAIT,false,NONE,-",
        "RECOVER,false,UNKNOWN,RECOVER,false,REQUEST_ALL_IF_RECOVERING,-",
        "RECOVER,true,UNKNOWN,RECOVER,true,REQUEST_ALL_IF_RECOVERING,-",
        "RECOVER,false,NORMAL,PARTNER_DOWN,false,REQUEST_ALL_IF_RECOVERING,-",
        "RECOVER,false,NORMAL,COMMUNICATIONS_INTERRUPTED,false,REQUEST_ALL_IF_RECOVERING,-",
        "RECOVER,false,RECOVER,NORMAL,false,MOVE,POTENTIAL_CONFLICT",
        "RECOVER,false,RECOVER,CONFLICT_DONE,false,MOVE,POTENTIAL_CONFLICT",
        "RECOVER,false,RECOVER,SHUTDOWN,false,MOVE,PARTNER_DOWN",
        "RECOVER,false,RECOVER,RECOVER_DONE,false,NONE,-",
        "RECOVER,false,RECOVER,RECOVER_WAIT,false,NONE,-",
        "POTENTIAL_CONFLICT,false,POTENTIAL_CONFLICT,CONFLICT_DONE,false,REQUEST_PARTNER_UPDATES,-",
        "POTENTIAL_CONFLICT,false,PARTNER_DOWN,CONFLICT_DONE,false,NONE,-",
        "POTENTIAL_CONFLICT,false,POTENTIAL_CONFLICT,NORMAL,false,INVALID,-",
        "POTENTIAL_CONFLICT,false,PARTNER_DOWN,RECOVER,false,MOVE,RECOVER",
        "POTENTIAL_CONFLICT,false,PARTNER_DOWN,SHUTDOWN,false,MOVE,PARTNER_DOWN",
        "POTENTIAL_CONFLICT,false,PARTNER_DOWN,POTENTIAL_CONFLICT,false,NONE,-",
        "POTENTIAL_CONFLICT,false,PARTNER_DOWN,COMMUNICATIONS_INTERRUPTED,false,NONE,-",
        "CONFLICT_DONE,false,POTENTIAL_CONFLICT,NORMAL,false,MOVE,NORMAL",
        "CONFLICT_DONE,false,POTENTIAL_CONFLICT,SHUTDOWN,false,MOVE,SHUTDOWN",
        "CONFLICT_DONE,false,POTENTIAL_CONFLICT,RECOVER,false,INVALID,-",
        "PARTNER_DOWN,false,NORMAL,RECOVER,false,NONE,-",
        "PARTNER_DOWN,false,NORMAL,RECOVER_WAIT,false,NONE,-",
        "PARTNER_DOWN,false,RECOVER,RECOVER_DONE,false,MOVE,NORMAL",
        "PARTNER_DOWN,false,NORMAL,NORMAL,true,NONE,-",
        "PARTNER_DOWN,false,NORMAL,NORMAL,false,MOVE,POTENTIAL_CONFLICT",
        "PARTNER_DOWN,false,NORMAL,PARTNER_DOWN,false,MOVE,POTENTIAL_CONFLICT",
        "PARTNER_DOWN,false,NORMAL,COMMUNICATIONS_INTERRUPTED,false,MOVE,POTENTIAL_CONFLICT",
        "PARTNER_DOWN,false,NORMAL,SHUTDOWN,false,NONE,-",
        "PARTNER_DOWN,false,NORMAL,PAUSED,false,NONE,-",
        "COMMUNICATIONS_INTERRUPTED,false,NORMAL,NORMAL,false,SEND_UPDATES_THEN_NORMAL,NORMAL",
        "COMMUNICATIONS_INTERRUPTED,false,NORMAL,COMMUNICATIONS_INTERRUPTED,false,SEND_UPDATES_THEN_NORMAL,NORMAL",
        "COMMUNICATIONS_INTERRUPTED,false,NORMAL,RECOVER_DONE,false,SEND_UPDATES_THEN_NORMAL,NORMAL",
        "COMMUNICATIONS_INTERRUPTED,false,NORMAL,RECOVER_WAIT,false,SEND_UPDATES_THEN_NORMAL,NORMAL",
        "COMMUNICATIONS_INTERRUPTED,false,NORMAL,RECOVER,false,MOVE,PARTNER_DOWN",
        "COMMUNICATIONS_INTERRUPTED,false,NORMAL,SHUTDOWN,false,MOVE,PARTNER_DOWN",
        "COMMUNICATIONS_INTERRUPTED,false,NORMAL,PARTNER_DOWN,false,MOVE,POTENTIAL_CONFLICT",
        "COMMUNICATIONS_INTERRUPTED,false,NORMAL,PAUSED,false,NONE,-",
        "RESOLUTION_INTERRUPTED,false,NORMAL,NORMAL,false,MOVE,POTENTIAL_CONFLICT",
        "RESOLUTION_INTERRUPTED,false,NORMAL,RECOVER_WAIT,false,MOVE,POTENTIAL_CONFLICT",
        "RESOLUTION_INTERRUPTED,false,NORMAL,SHUTDOWN,false,MOVE,PARTNER_DOWN",
        "RESOLUTION_INTERRUPTED,false,NORMAL,PAUSED,false,NONE,-",
        "RECOVER_DONE,false,RECOVER,RECOVER_DONE,false,MOVE,NORMAL",
        "RECOVER_DONE,false,RECOVER_DONE,NORMAL,false,MOVE,NORMAL",
        "RECOVER_DONE,false,RECOVER,SHUTDOWN,false,MOVE,PARTNER_DOWN",
        "RECOVER_DONE,false,RECOVER,RECOVER,false,NONE,-",
        "RECOVER_WAIT,false,PARTNER_DOWN,NORMAL,false,NONE,-",
        "SHUTDOWN,false,NORMAL,PARTNER_DOWN,false,NONE,-",
        "PAUSED,false,NORMAL,PARTNER_DOWN,false,NONE,-",
    })
    void reactsToThePartnersNewState(FailoverState mine, boolean inStartup, FailoverState previous, FailoverState next,
            boolean peerStartup, PeerStateTable.Kind kind, FailoverState target) {
        PeerStateTable.Reaction reaction = PeerStateTable.react(mine, inStartup, previous, next, peerStartup);
        assertThat(reaction.kind()).isEqualTo(kind);
        assertThat(reaction.target()).isEqualTo(target);
    }
}
