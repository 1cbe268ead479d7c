package io.ironlease.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.client.OmapiConnectionClosedException;
import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the interpreter sends and prints around requests, with a scripted session (no sockets). */
class InterpreterTest {

    private static final String CONNECT = "port 7911\nconnect\n";

    private static OmapiObject object(int handle, String... nameValues) {
        OmapiValues.Builder values = OmapiValues.builder();
        for (int i = 0; i < nameValues.length; i += 2) {
            values.append(nameValues[i], nameValues[i + 1].getBytes(StandardCharsets.ISO_8859_1));
        }
        return new OmapiObject(handle, values.build());
    }

    @Test
    void sendsOnlyWhatChangedSinceTheLastOpen() throws Exception {
        RecordingSession session = new RecordingSession().then(object(7, "name", "h1", "known", "\0\0\0\1"))
                .then(null).then(object(7, "name", "h1")).then(null);
        Scripts.run(CONNECT + "new host\nset name = \"h1\"\nset hardware-type = 1\nopen\nset known = 2\nupdate\n"
                + "refresh\nupdate\n", session);
        assertThat(session.sent).hasSize(5);
        assertThat(session.sent.get(0).values().names()).containsExactly("name", "hardware-type");
        assertThat(session.sent.get(1).op()).isEqualTo("update");
        assertThat(session.sent.get(1).handle()).isEqualTo(7);
        assertThat(session.sent.get(1).values().names()).containsExactly("known");
        assertThat(session.sent.get(2).op()).isEqualTo("refresh");
        assertThat(session.sent.get(3).values().names()).as("refresh clears the changed flags").isEmpty();
        assertThat(session.sent.get(4).op()).isEqualTo("close");
    }

    @Test
    void theServersRemoteHandleIsTheHandleAndIsNotShown() throws Exception {
        RecordingSession session = new RecordingSession().then(object(0, "ends", "\0\0\0\0", "remote-handle", "\0\0\0\u0012"))
                .then(null);
        Scripts.Printed printed = Scripts.run(CONNECT + "new lease\nopen\nset ends = 0\nupdate\n", session);
        assertThat(session.sent.get(1).handle()).isEqualTo(18);
        assertThat(printed.out()).doesNotContain("remote-handle");
    }

    @Test
    void aLostConnectionRefusesLaterRequestsAsDhcpctlDoes() throws Exception {
        RecordingSession session = new RecordingSession().then(new OmapiConnectionClosedException("gone"));
        Scripts.Printed printed = Scripts.run(CONNECT + "new lease\nopen\nopen\nupdate\nrefresh\nremove\ndisconnect\n",
                session);
        assertThat(printed.out()).contains("> can't open object: connection reset by peer\n",
                "> can't open object: invalid argument\n", "> can't update object: invalid argument\n",
                "> can't refresh object: no more\n", "> can't destroy object: invalid argument\n");
        assertThat(printed.err()).isEqualTo("dhcpctl_disconnect detected invalid arg\ndhcpctl_disconnect: invalid argument\n");
        assertThat(session.sent).hasSize(2);
    }

    @Test
    void connectFailuresGoToStandardError() throws Exception {
        RecordingSession session = new RecordingSession();
        session.connectFailure = new OmapiException(OmapiStatus.valueOf(29));
        Scripts.Printed printed = Scripts.run(CONNECT + "new lease\n", session);
        assertThat(printed.err()).isEqualTo("dhcpctl_connect: no more\n");
        assertThat(printed.out()).isEqualTo("> > > not connected.\n> ");
    }

    @Test
    void keysAndAlgorithmsReachTheSession() throws Exception {
        RecordingSession session = new RecordingSession();
        Scripts.run("key ops.example Zm9vYmFy\nkey-algorithm HMAC-SHA256\n" + CONNECT, session);
        assertThat(session.credentials.name()).isEqualTo("ops.example");
        assertThat(session.credentials.secret()).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThat(session.credentials.algorithm()).isEqualTo("HMAC-SHA256");
    }

    @Test
    void portsByServiceName() throws Exception {
        RecordingSession session = new RecordingSession();
        Scripts.Printed printed = Scripts.run("port domain\nport omapi\n", session);
        assertThat(printed.out()).isEqualTo("> > unknown service name: omapi\n> ");
    }
}
