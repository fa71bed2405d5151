package app.omnia.wallet;

/** One side of a ledger line: a user's account (by identity's account id) or a named system account. */
public sealed interface Party {

    record User(long accountId) implements Party {}

    record System(SystemAccount account) implements Party {}

    static Party user(long accountId) {
        return new User(accountId);
    }

    static Party system(SystemAccount account) {
        return new System(account);
    }
}
