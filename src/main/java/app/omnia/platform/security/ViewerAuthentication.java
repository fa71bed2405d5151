package app.omnia.platform.security;


import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Spring Security's view of a {@link Viewer}: scopes become {@code SCOPE_*} authorities. */
public class ViewerAuthentication extends AbstractAuthenticationToken {

    private final Viewer viewer;

    public ViewerAuthentication(Viewer viewer) {
        super(viewer.scopes().stream().map(s -> new SimpleGrantedAuthority("SCOPE_" + s)).toList());
        this.viewer = viewer;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Viewer getPrincipal() {
        return viewer;
    }

    @Override
    public String getName() {
        return viewer.accountId() == null ? "app:" + viewer.applicationId() : String.valueOf(viewer.accountId());
    }

}
