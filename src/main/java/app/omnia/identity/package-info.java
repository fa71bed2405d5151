/**
 * Identity: accounts, sign-up with the age policy, web sign-in with optional TOTP, Mastodon-compatible
 * OAuth 2 (apps, authorization code with PKCE, client credentials, revocation), roles, verification
 * kinds and the instance's discovery documents.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package app.omnia.identity;
