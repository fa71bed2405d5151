package app.omnia.wallet;

/**
 * A journal entry moved money; published in the writer's transaction and heard after commit (e.g. by
 * notifications). Every posting publishes one, whatever its kind: {@code payerId} / {@code payeeId} are null
 * on a system side. Amounts are minor units of {@code asset}.
 */
public record TransferCompleted(long entryId, String kind, String asset, long amount, Long payerId, Long payeeId) {}
