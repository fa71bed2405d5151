/** The public square: statuses, follows, interactions. */
@org.springframework.modulith.ApplicationModule(displayName = "Social")
package app.omnia.social;
