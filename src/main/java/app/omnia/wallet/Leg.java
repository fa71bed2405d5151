package app.omnia.wallet;

/**
 * One line of a posting: a party and a signed amount in minor units. Negative debits the party (money
 * leaves it), positive credits it. A posting's legs sum to zero.
 */
public record Leg(Party party, long amount) {

    public static Leg debit(Party party, long amount) {
        return new Leg(party, Math.negateExact(amount));
    }

    public static Leg credit(Party party, long amount) {
        return new Leg(party, amount);
    }
}
