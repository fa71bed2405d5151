package app.omnia.wallet;

import java.time.Instant;

/** A saved debit card as shown: brand, last four digits and expiry. The network token never leaves the module. */
public record Card(long id, long accountId, String brand, String last4, int expMonth, int expYear, Instant createdAt) {}
