package app.omnia.identity;

import org.springframework.stereotype.Service;

import app.omnia.identity.domain.WebFingerResource;
import app.omnia.identity.persistence.Accounts;
import app.omnia.platform.OmniaProperties;
import app.omnia.platform.web.ApiException;

/** Resolves WebFinger queries to local accounts that anyone may see. */
@Service
public class WebFinger {

    private final OmniaProperties settings;
    private final Accounts accounts;
    private final WebFingerResource resources;

    public WebFinger(OmniaProperties settings, Accounts accounts) {
        this.settings = settings;
        this.accounts = accounts;
        this.resources = new WebFingerResource(settings.domain(), settings.baseUrl());
    }

    /**
     * The account a {@code resource} names. A 400 problem naming {@code resource} when it is missing or
     * malformed; a 404 when it names another server, nobody, or an account that is suspended or not yet
     * approved (such accounts are invisible, not gone).
     */
    public LocalHandle resolve(String resource) {
        String username;
        try {
            username = resources.localUsername(resource).orElseThrow(ApiException::notFound);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("resource", e.getMessage());
        }
        Account account = accounts.findByUsername(username).filter(Account::canAct)
                .orElseThrow(ApiException::notFound);
        return new LocalHandle(account.username(), settings.domain(),
                settings.baseUrlText() + "/@" + account.username());
    }
}
