package app.omnia.identity;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

import app.omnia.identity.domain.ServerVersion;
import app.omnia.platform.OmniaProperties;
import app.omnia.platform.OmniaProperties.RegistrationMode;

/** Gathers {@link InstanceFacts} from the settings, the build and the accounts table (counted now and then). */
@Service
public class InstanceInfo {

    static final String THUMBNAIL_PATH = "/thumbnail.png";

    private static final int MAX_MEDIA_ATTACHMENTS = 4;
    private static final int CHARACTERS_RESERVED_PER_URL = 23;
    private static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png", "image/gif", "image/webp");
    private static final InstanceFacts.Profiles PROFILES = new InstanceFacts.Profiles(10, 5);
    private static final int MEDIA_DESCRIPTION_LIMIT = 1500;

    private final OmniaProperties settings;
    private final InstanceStats stats;
    private final String softwareVersion;

    public InstanceInfo(OmniaProperties settings, InstanceStats stats, ObjectProvider<BuildProperties> build) {
        this.settings = settings;
        this.stats = stats;
        BuildProperties properties = build.getIfAvailable();
        this.softwareVersion = ServerVersion.orUnknown(properties != null ? properties.getVersion()
                : InstanceInfo.class.getPackage().getImplementationVersion());
    }

    public InstanceFacts current() {
        OmniaProperties.Instance instance = settings.instance();
        String base = settings.baseUrlText();
        return new InstanceFacts(
                settings.domain(),
                base,
                instance.title(),
                nullToEmpty(instance.description()),
                nullToEmpty(instance.contactEmail()),
                instance.languages() == null ? List.of() : List.copyOf(instance.languages()),
                softwareVersion,
                ServerVersion.mastodonCompatible(softwareVersion),
                sourceUrl(instance.sourceUrl(), base),
                streamingUrl(settings.baseUrl()),
                base + THUMBNAIL_PATH,
                stats.users(),
                registrations(settings),
                limits(settings));
    }

    /** The operator's published source, or this server's own address until they set one. */
    static String sourceUrl(String configured, String base) {
        return configured == null || configured.isBlank() ? base : configured;
    }

    static InstanceFacts.Registrations registrations(OmniaProperties settings) {
        RegistrationMode mode = settings.registrations().mode();
        boolean open = mode != RegistrationMode.CLOSED;
        return new InstanceFacts.Registrations(open, mode == RegistrationMode.APPROVAL,
                // Sign-up asks for a reason only when a moderator reviews it, so that is when we report it.
                mode == RegistrationMode.APPROVAL && settings.registrations().reasonRequired(),
                settings.age().defaultMinimum());
    }

    static InstanceFacts.Limits limits(OmniaProperties settings) {
        InstanceFacts.Statuses statuses = new InstanceFacts.Statuses(settings.instance().maxCharacters(),
                MAX_MEDIA_ATTACHMENTS, CHARACTERS_RESERVED_PER_URL);
        InstanceFacts.Media media = new InstanceFacts.Media(IMAGE_TYPES, settings.media().maxImageBytes(),
                settings.media().maxImagePixels(), 0, 0, 0, MEDIA_DESCRIPTION_LIMIT); // no video yet
        OmniaProperties.Polls polls = settings.pollLimits();
        return new InstanceFacts.Limits(statuses, media, new InstanceFacts.Polls(polls.maxOptions(),
                polls.maxCharactersPerOption(), polls.minExpiration(), polls.maxExpiration()), PROFILES);
    }

    /**
     * The streaming API's origin as Mastodon reports it: the base URL with a WebSocket scheme (apps append
     * {@code /api/v1/streaming} themselves).
     */
    static String streamingUrl(URI baseUrl) {
        String scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT).equals("https") ? "wss" : "ws";
        String text = baseUrl.toString();
        String rest = text.substring(text.indexOf(':'));
        return scheme + (rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
