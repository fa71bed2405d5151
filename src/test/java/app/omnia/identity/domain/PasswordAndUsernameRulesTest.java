package app.omnia.identity.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordAndUsernameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"password123", "Password123", "1234567890", "qwertyuiop", "aaaaaaaaaaaa", "ababababab",
            "iloveyou123", "football2024", "azertyuiop", "abcdefghijk"})
    void commonPasswordsAreRefused(String password) {
        assertThat(PasswordRule.violation(password, "someone", "someone@example.org"))
                .hasValueSatisfying(v -> assertThat(v[0]).isEqualTo("ERR_INVALID"));
    }

    @Test
    void lengthAndPersonalDataAreChecked() {
        assertThat(PasswordRule.violation("short", "alice", "a@example.org")).hasValueSatisfying(
                v -> assertThat(v[0]).isEqualTo("ERR_TOO_SHORT"));
        assertThat(PasswordRule.violation("x".repeat(257), "alice", "a@example.org")).hasValueSatisfying(
                v -> assertThat(v[0]).isEqualTo("ERR_TOO_LONG"));
        assertThat(PasswordRule.violation("alice-is-my-password", "Alice", "a@example.org")).isPresent();
        assertThat(PasswordRule.violation("", "alice", "a@example.org")).hasValueSatisfying(
                v -> assertThat(v[0]).isEqualTo("ERR_BLANK"));
        assertThat(PasswordRule.violation("correct horse battery staple", "alice", "a@example.org")).isEmpty();
    }

    @Test
    void usernamesFollowMastodonsRules() {
        assertThat(UsernameRule.violation("alice_01")).isEmpty();
        assertThat(UsernameRule.violation("a".repeat(30))).isEmpty();
        assertThat(UsernameRule.violation("a".repeat(31))).hasValue("ERR_TOO_LONG");
        assertThat(UsernameRule.violation("alice.smith")).hasValue("ERR_INVALID");
        assertThat(UsernameRule.violation("élodie")).hasValue("ERR_INVALID");
        assertThat(UsernameRule.violation(" ")).hasValue("ERR_BLANK");
        assertThat(UsernameRule.violation("Admin")).hasValue("ERR_RESERVED");
    }
}
