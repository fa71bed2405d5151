package app.omnia.bench;

/**
 * Where the chat benchmark's receiving sockets ({@link ChatSockets}) report what they hear: the {@link ChatLedger}
 * when they live in the benchmark's JVM, a load-generator process's output ({@link ChatLoadGenerator}) otherwise.
 */
interface DeliverySink {

    /** A socket heard message {@code index} for the first time, at {@code atNanos} ({@link System#nanoTime()}). */
    void heard(int index, long atNanos);

    /** A socket heard a message it had already heard. */
    void duplicate();

    /** A socket heard an entry whose {@code seq} is not above the last one it heard. */
    void reordered();

    /** A socket heard an entry whose {@code seq} skips some above the last one it heard. */
    void gap();
}
