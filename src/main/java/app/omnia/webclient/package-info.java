/**
 * The web client: Omnia's own browser app at {@code /}. The server only hands out the page shell, the
 * message bundles and the language choice; the app itself is plain ES modules under {@code /app/} that talk
 * to the public JSON API with the browser's session cookie (CSRF by double-submit cookie) and listen on the
 * streaming socket. Other modules' screens (chat, wallet, moderation) slot in as sections of the shell.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web client")
package app.omnia.webclient;
