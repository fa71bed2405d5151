package app.omnia.identity;

/**
 * What a person gives to open an account, as received (strings, so that every field can be checked and
 * named in the error). The same rules apply to the web form and to Mastodon's {@code POST /api/v1/accounts}.
 */
public record SignUp(String username, String email, String password, String dateOfBirth, String country,
                     String locale, Boolean agreement, String reason, String ip) {
}
