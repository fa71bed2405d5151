package app.omnia.identity;

import java.util.List;

import app.omnia.identity.domain.Account;
import app.omnia.identity.domain.ProfileField;
import app.omnia.identity.persistence.Verifications;

/** An account with what is shown alongside it: profile fields and verification kinds. */
public record AccountView(Account account, List<ProfileField> fields, List<Verifications.Granted> verifications) {
}
