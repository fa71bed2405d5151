package app.omnia.identity;

import java.util.List;
import java.util.Optional;

import app.omnia.identity.domain.ProfileField;
import app.omnia.platform.media.StoredImage;

/** What {@code update_credentials} may change; an empty Optional leaves the value as it is. */
public record ProfileChanges(Optional<String> displayName, Optional<String> note, Optional<Boolean> locked,
                             Optional<Boolean> bot, Optional<Boolean> discoverable,
                             Optional<List<ProfileField>> fields, Optional<StoredImage> avatar,
                             Optional<StoredImage> header) {
}
