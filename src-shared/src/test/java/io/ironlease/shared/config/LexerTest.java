package io.ironlease.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens, their positions and ISC's string escapes. */
class LexerTest {

    private final List<ConfigError> errors = new ArrayList<>();

    private List<Token> lex(String text) {
        return Lexer.tokenize("f.conf", text, errors);
    }

    private static List<String> describe(List<Token> tokens) {
        return tokens.stream().map(t -> t.kind() + ":" + t.source() + "@" + t.pos().line() + ":" + t.pos().column())
                .toList();
    }

    @Test
    void wordsKeepDotsColonsAndDashes() {
        assertThat(describe(lex("hardware ethernet 01:52:54:00:aa:00:01;\n  fixed-address 10.0.0.1, host.example.org;")))
                .containsExactly("WORD:hardware@1:1", "WORD:ethernet@1:10", "WORD:01:52:54:00:aa:00:01@1:19",
                        "SYMBOL:;@1:39", "WORD:fixed-address@2:3", "WORD:10.0.0.1@2:17", "SYMBOL:,@2:25",
                        "WORD:host.example.org@2:27", "SYMBOL:;@2:43", "EOF:@2:44");
        assertThat(errors).isEmpty();
    }

    @Test
    void commentsRunToTheEndOfTheLine() {
        assertThat(describe(lex("a; # comment \"not a string\n\tb;")))
                .containsExactly("WORD:a@1:1", "SYMBOL:;@1:2", "WORD:b@2:2", "SYMBOL:;@2:3", "EOF:@2:4");
    }

    @Test
    void stringEscapes() {
        Token token = lex("\"q\\\"b\\\\t\\tn\\nr\\ro\\101h\\x41z\\0e\\q\"").get(0);

        assertThat(token.kind()).isEqualTo(Token.Kind.STRING);
        assertThat(token.bytes()).isEqualTo("q\"b\\t\tn\nr\ro\u0041h\u0041z\0eq".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void nonAsciiInStringsIsUtf8() {
        Token token = lex("\"пример\"").get(0);

        assertThat(token.bytes()).isEqualTo("пример".getBytes(StandardCharsets.UTF_8));
        assertThat(token.text()).isEqualTo("пример");
    }

    @Test
    void unterminatedStringIsReportedAtItsStart() {
        lex("option domain-name \"x;\n");

        assertThat(errors).extracting(ConfigError::toString)
                .containsExactly("f.conf:1:20: unterminated string (missing closing \")");
    }

    @Test
    void operatorsOfDhcpEval() {
        assertThat(lex("a != b ~= c ~~ d = e").stream().filter(t -> t.kind() == Token.Kind.SYMBOL).map(Token::text))
                .containsExactly("!=", "~=", "~~", "=");
    }

    @Test
    void crlfAndTabs() {
        assertThat(describe(lex("a;\r\n\tb;"))).containsExactly("WORD:a@1:1", "SYMBOL:;@1:2", "WORD:b@2:2",
                "SYMBOL:;@2:3", "EOF:@2:4");
    }
}
