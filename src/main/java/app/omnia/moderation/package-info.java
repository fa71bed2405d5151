/**
 * Trust and safety: reports (Mastodon's, plus DSA illegal-content categories, media and chat messages),
 * automatic hiding of items reported by enough distinct, credible reporters, the moderators' queue and
 * actions, statements of reasons (DSA art. 17) with their export, and appeals decided by another moderator.
 * Uses identity, social and messaging through their APIs; social's read paths filter on the marks this module
 * sets through {@code ContentModeration}, so social never depends on moderation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation")
package app.omnia.moderation;
