/**
 * Home timelines at scale: a store of per-account timeline lines (Redis, or in memory), filled by fan-out on
 * write for ordinary authors and merged at read time for authors with very many followers. It serves
 * {@link app.omnia.social.HomeFeed}; the public square stays the source of truth (cold timelines are rebuilt
 * from its database query).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Timeline")
package app.omnia.timeline;
