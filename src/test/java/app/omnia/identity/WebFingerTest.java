package app.omnia.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import app.omnia.identity.Account;
import app.omnia.identity.persistence.Accounts;
import app.omnia.platform.OmniaProperties.RegistrationMode;
import app.omnia.platform.web.ApiException;

class WebFingerTest {

    private final Accounts accounts = mock(Accounts.class);
    private final WebFinger webFinger =
            new WebFinger(InstanceInfoTest.settings(RegistrationMode.OPEN, false), accounts);

    @Test
    void answersWithTheCanonicalSpellingOfTheUsername() {
        when(accounts.findByUsername("ALICE")).thenReturn(Optional.of(account("Alice", true, null)));

        LocalHandle handle = webFinger.resolve("acct:ALICE@example.org");

        assertThat(handle.acctUri()).isEqualTo("acct:Alice@example.org");
        assertThat(handle.profileUrl()).isEqualTo("https://social.example.org/@Alice");
    }

    @Test
    void suspendedAndUnapprovedAccountsAreNotFound() {
        when(accounts.findByUsername("gone")).thenReturn(Optional.of(account("gone", true, Instant.EPOCH)));
        when(accounts.findByUsername("waiting")).thenReturn(Optional.of(account("waiting", false, null)));

        assertStatus("acct:gone@example.org", HttpStatus.NOT_FOUND);
        assertStatus("acct:waiting@example.org", HttpStatus.NOT_FOUND);
    }

    @Test
    void unknownAndForeignAccountsAreNotFound() {
        when(accounts.findByUsername("nobody")).thenReturn(Optional.empty());

        assertStatus("acct:nobody@example.org", HttpStatus.NOT_FOUND);
        assertStatus("acct:alice@elsewhere.net", HttpStatus.NOT_FOUND);
    }

    @Test
    void malformedResourcesAreBadRequestsNamingTheParameter() {
        assertThatThrownBy(() -> webFinger.resolve(null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.fieldErrors()).extracting(ApiException.FieldError::field).containsExactly("resource");
                });
        assertStatus("garbage", HttpStatus.BAD_REQUEST);
    }

    private void assertStatus(String resource, HttpStatus status) {
        assertThatThrownBy(() -> webFinger.resolve(resource))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(status));
    }

    private static Account account(String username, boolean approved, Instant suspendedAt) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new Account(1, username, username + "@mail.example", "hash", LocalDate.of(1990, 1, 1), null, null,
                "", "", null, null, false, false, true, Role.USER, approved, null, suspendedAt, null, false, now, now);
    }
}
