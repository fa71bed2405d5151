package app.omnia.identity.domain;

/** One "name: value" line of profile metadata. */
public record ProfileField(String name, String value) {

    public static final int MAX_FIELDS = 4;
    public static final int MAX_LENGTH = 255;
}
