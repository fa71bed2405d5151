package app.omnia.wallet;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import app.omnia.identity.AccountService;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.social.FollowService;

/**
 * Who money may go to: an account the payer can see, not the payer, not blocked either way (social's blocks).
 * Each refusal names the field the caller used.
 */
@Component
class Recipients {

    /** An account id as typed: compiled once, not by every transfer ({@code String.matches} compiles each time). */
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{1,19}");

    private final AccountService accounts;
    private final FollowService follows;

    Recipients(AccountService accounts, FollowService follows) {
        this.accounts = accounts;
        this.follows = follows;
    }

    /**
     * The account id {@code text} names: {@code @username}, a bare username, or an account id (digits only).
     * Accounts and blocks come from identity's and social's caches: no query when they are warm.
     */
    long require(long me, String text, String field) {
        if (text == null || text.isBlank()) {
            throw ApiException.validation(field, "ERR_BLANK", field + " can't be blank");
        }
        String name = text.strip();
        Viewer viewer = viewer(me);
        long target;
        try {
            if (name.startsWith("@")) {
                target = accounts.visibleCachedAccountByUsername(viewer, name.substring(1)).id();
            } else if (ACCOUNT_ID.matcher(name).matches()) {
                target = accounts.visibleCachedAccount(viewer, Long.parseLong(name)).id();
            } else {
                target = accounts.visibleCachedAccountByUsername(viewer, name).id();
            }
        } catch (ApiException | NumberFormatException unknown) {
            throw ApiException.validation(field, "ERR_INVALID", field + " is not a known account: " + name);
        }
        if (target == me) {
            throw ApiException.validation(field, "ERR_INVALID", "You cannot send money to, or ask it of, yourself");
        }
        requireNotBlocked(me, target, field);
        return target;
    }

    /**
     * Re-checks, when a payment that waited (a large send's second confirmation) is carried out, what
     * {@link #require} checked when it was asked for: the payee still is an account the payer can see (not
     * deleted or suspended since) and no block came between them. Same refusals, naming {@code field}.
     */
    void requireStillPayable(long me, long payee, String field) {
        try {
            accounts.visibleCachedAccount(viewer(me), payee);
        } catch (ApiException gone) {
            throw ApiException.validation(field, "ERR_INVALID", field + " is no longer a known account");
        }
        requireNotBlocked(me, payee, field);
    }

    void requireNotBlocked(long me, long other, String field) {
        if (follows.blockedEitherWay(me, other)) {
            String message = "Money cannot move between you and this account (blocked)";
            throw new ApiException(HttpStatus.FORBIDDEN, "wallet-blocked", "Blocked", message,
                    List.of(new ApiException.FieldError(field, "ERR_BLOCKED", message)), Map.of());
        }
    }

    private static Viewer viewer(long me) {
        return new Viewer(me, null, Set.of(), "user", Viewer.Credential.BEARER_TOKEN);
    }

    String username(long accountId) {
        return accounts.cachedAccount(accountId).map(a -> a.username()).orElse(null);
    }
}
