package app.omnia.wallet;

import java.util.Optional;

import org.springframework.stereotype.Component;

import app.omnia.platform.security.Viewer;
import app.omnia.platform.streaming.StreamResolver;

/** The {@code wallet} stream on {@code /api/v1/streaming}: the subscriber's own transactions and money requests. */
@Component
class WalletStream implements StreamResolver {

    static final String NAME = "wallet";

    static String channel(long accountId) {
        return "wallet:" + accountId;
    }

    @Override
    public Optional<Answer> resolve(Viewer viewer, String stream, String tag) {
        if (!NAME.equals(stream)) {
            return Optional.empty();
        }
        return viewer.hasScope(WalletScopes.READ) ? StreamResolver.channel(channel(viewer.accountId()))
                : StreamResolver.missingScope();
    }
}
