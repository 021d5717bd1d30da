package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How principals outside IAM users get into the world, the {@code federation} section of a world file: OpenID
 * Connect providers whose tokens {@code sts:AssumeRoleWithWebIdentity} accepts, the access tokens of the IAM
 * Identity Center portal (what {@code aws sso login} caches), and the roles an EC2 instance and a container run as.
 * {@code instanceRoleArn} and {@code containerRoleArn} are null when the world has no such host.
 */
public record Federation(
        List<OidcProvider> oidcProviders,
        List<SsoPortalToken> ssoPortalTokens,
        String instanceRoleArn,
        String containerRoleArn,
        Secret containerAuthorizationToken) {
    public static final Federation NONE = new Federation(List.of(), List.of(), null, null, null);

    public Federation {
        oidcProviders = List.copyOf(oidcProviders);
        ssoPortalTokens = List.copyOf(ssoPortalTokens);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The provider that issued {@code token}, with the token's claims. */
    public Optional<WebIdentityToken> webIdentityToken(String token) {
        return oidcProviders.stream()
                .flatMap(provider -> provider.tokens().stream())
                .filter(candidate -> candidate.token().value().equals(token))
                .findFirst();
    }

    public Optional<OidcProvider> oidcProvider(String issuerUrl) {
        return oidcProviders.stream()
                .filter(provider -> provider.url().equals(issuerUrl))
                .findFirst();
    }

    /**
     * An OpenID Connect identity provider registered in IAM of {@code accountId} (as
     * {@code iam:CreateOpenIDConnectProvider} does), with the tokens it has issued. Its ARN is
     * {@code arn:aws:iam::<accountId>:oidc-provider/<url without https://>}.
     */
    public record OidcProvider(String accountId, String url, List<String> clientIds, List<WebIdentityToken> tokens) {
        public OidcProvider {
            requireNonNull(accountId, "accountId is null");
            requireNonNull(url, "url is null");
            clientIds = List.copyOf(clientIds);
            tokens = List.copyOf(tokens);
        }

        /** The URL without its scheme: the provider part of its ARN and the prefix of its condition keys. */
        public String host() {
            return url.replaceFirst("^https://", "");
        }

        public String arn() {
            return "arn:aws:iam::" + accountId + ":oidc-provider/" + host();
        }
    }

    /** A token an OIDC provider issued (say a Kubernetes service-account token), and the claims it carries. */
    public record WebIdentityToken(Secret token, String issuer, String subject, String audience, Instant expiresAt) {
        public WebIdentityToken {
            requireNonNull(token, "token is null");
            requireNonNull(issuer, "issuer is null");
            requireNonNull(subject, "subject is null");
            requireNonNull(audience, "audience is null");
            requireNonNull(expiresAt, "expiresAt is null");
        }
    }

    /**
     * An access token of the Identity Center portal for the user named {@code userName} in the identity store,
     * and the refresh token that renews it ({@code sso-oidc:CreateToken}); {@code refreshToken} may be null.
     */
    public record SsoPortalToken(Secret accessToken, Secret refreshToken, String userName) {
        public SsoPortalToken {
            requireNonNull(accessToken, "accessToken is null");
            requireNonNull(userName, "userName is null");
        }
    }
}
