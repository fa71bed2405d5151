package app.omnia.identity;

import java.util.List;

import app.omnia.identity.domain.ProfileField;
import app.omnia.identity.persistence.Verifications;

/** An account with what is shown alongside it: profile fields, verification kinds and counters. */
public record AccountView(Account account, List<ProfileField> fields, List<Verifications.Granted> verifications,
                          AccountCounts counts) {
}
