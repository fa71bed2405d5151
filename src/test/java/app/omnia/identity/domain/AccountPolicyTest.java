package app.omnia.identity.domain;

import app.omnia.identity.Account;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.omnia.identity.Role;
import app.omnia.platform.security.Viewer;

import static org.assertj.core.api.Assertions.assertThat;

class AccountPolicyTest {

    private static Account account(long id, Role role, boolean approved) {
        return new Account(id, "user" + id, "user" + id + "@example.org", "hash", LocalDate.of(1990, 1, 1), null, null,
                "", "", null, null, false, false, true, role, approved, null, null, null, false, Instant.EPOCH,
                Instant.EPOCH);
    }

    private static Viewer viewer(long id, Role role) {
        return new Viewer(id, 1L, Set.of("read", "write"), role.key(), Viewer.Credential.BEARER_TOKEN);
    }

    @Test
    void onlyTheOwnerEditsAProfile() {
        assertThat(AccountPolicy.canEditProfile(viewer(1, Role.USER), account(1, Role.USER, true))).isTrue();
        assertThat(AccountPolicy.canEditProfile(viewer(2, Role.USER), account(1, Role.USER, true))).isFalse();
        assertThat(AccountPolicy.canEditProfile(viewer(2, Role.ADMIN), account(1, Role.USER, true))).isFalse();
    }

    @Test
    void pendingAccountsAreSeenOnlyByThemselvesAndStaff() {
        Account pending = account(1, Role.USER, false);
        assertThat(AccountPolicy.canSee(null, pending)).isFalse();
        assertThat(AccountPolicy.canSee(viewer(2, Role.USER), pending)).isFalse();
        assertThat(AccountPolicy.canSee(viewer(1, Role.USER), pending)).isTrue();
        assertThat(AccountPolicy.canSee(viewer(3, Role.MODERATOR), pending)).isTrue();
        assertThat(AccountPolicy.canSee(null, account(1, Role.USER, true))).isTrue();
    }

    @Test
    void rolesAndVerificationsAreForAdminsWhoCannotDemoteThemselves() {
        assertThat(AccountPolicy.canChangeRole(viewer(1, Role.ADMIN), account(2, Role.USER, true), Role.MODERATOR))
                .isTrue();
        assertThat(AccountPolicy.canChangeRole(viewer(1, Role.ADMIN), account(1, Role.ADMIN, true), Role.USER))
                .isFalse();
        assertThat(AccountPolicy.canChangeRole(viewer(1, Role.MODERATOR), account(2, Role.USER, true), Role.MODERATOR))
                .isFalse();
        assertThat(AccountPolicy.canManageVerifications(viewer(1, Role.MODERATOR))).isFalse();
        assertThat(AccountPolicy.canManageVerifications(viewer(1, Role.ADMIN))).isTrue();
    }

    @Test
    void staffSuspendUsersButNotThemselvesAndModeratorsNotAdmins() {
        assertThat(AccountPolicy.canSuspend(viewer(1, Role.MODERATOR), account(2, Role.USER, true))).isTrue();
        assertThat(AccountPolicy.canSuspend(viewer(1, Role.MODERATOR), account(2, Role.ADMIN, true))).isFalse();
        assertThat(AccountPolicy.canSuspend(viewer(1, Role.ADMIN), account(2, Role.MODERATOR, true))).isTrue();
        assertThat(AccountPolicy.canSuspend(viewer(1, Role.ADMIN), account(1, Role.ADMIN, true))).isFalse();
        assertThat(AccountPolicy.canSuspend(viewer(1, Role.USER), account(2, Role.USER, true))).isFalse();
    }
}
