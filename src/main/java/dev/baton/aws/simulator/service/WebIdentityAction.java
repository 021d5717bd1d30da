package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.IamLookup.required;
import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.protocol.QueryRequest;
import dev.baton.aws.simulator.protocol.XmlWriter;
import dev.baton.aws.simulator.world.Account;
import dev.baton.aws.simulator.world.Federation;
import dev.baton.aws.simulator.world.IamRole;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * {@code sts:AssumeRoleWithWebIdentity}, what IRSA and {@code web_identity_token_file} profiles call. The token
 * must be one a provider of the world's {@code federation.oidcProviders} issued, that provider must be registered
 * in the role's account, the token's audience must be one of its client ids, the token must not have expired, and
 * the role's trust policy must allow the provider as {@code Principal.Federated} with conditions the token's
 * subject and audience meet. Failures use AWS's codes and wording.
 */
final class WebIdentityAction implements QueryAction {
    private final WorldState state;
    private final SessionIssuer issuer;

    WebIdentityAction(WorldState state, SessionIssuer issuer) {
        this.state = requireNonNull(state, "state is null");
        this.issuer = requireNonNull(issuer, "issuer is null");
    }

    @Override
    public String handle(Caller caller, QueryRequest request) {
        String roleArn = required(request, "RoleArn");
        String sessionName = required(request, "RoleSessionName");
        String tokenText = required(request, "WebIdentityToken");
        Matcher matcher = StsService.validRoleRequest(roleArn, sessionName);
        int duration = StsService.duration(request, false);
        World world = state.world();
        Federation.WebIdentityToken token = world.federation()
                .webIdentityToken(tokenText)
                .orElseThrow(() -> new AwsFault(
                        400,
                        "InvalidIdentityToken",
                        "Couldn't retrieve verification key "
                                + "from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for "
                                + "requirements"));
        Federation.OidcProvider provider = world.federation().oidcProviders().stream()
                .filter(p -> p.url().equals(token.issuer()) && p.accountId().equals(matcher.group(1)))
                .findFirst()
                .orElseThrow(() -> new AwsFault(
                        400,
                        "InvalidIdentityToken",
                        "No OpenIDConnect provider found in your account for " + token.issuer()));
        if (!provider.clientIds().contains(token.audience())) {
            throw new AwsFault(400, "InvalidIdentityToken", "Incorrect token audience");
        }
        Instant now = state.clock().instant();
        if (!now.isBefore(token.expiresAt())) {
            throw new AwsFault(
                    400,
                    "ExpiredTokenException",
                    "Token expired: current date/time "
                            + now.getEpochSecond() + " must be before the expiration date/time"
                            + token.expiresAt().getEpochSecond());
        }
        Map<String, String> claims =
                Map.of(provider.host() + ":sub", token.subject(), provider.host() + ":aud", token.audience());
        IamRole role = world.account(matcher.group(1))
                .filter(Account::active)
                .flatMap(account -> account.iam().role(matcher.group(3)))
                .filter(r -> r.path().equals(matcher.group(2)))
                .filter(r -> new TrustPolicy(r.trustPolicy()).allowsWebIdentity(provider.arn(), claims))
                .orElseThrow(() ->
                        new AwsFault(403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity"));
        XmlWriter xml = new XmlWriter().element("SubjectFromWebIdentityToken", token.subject());
        return StsService.roleSession(issuer, matcher.group(1), role, sessionName, duration, xml)
                .element("Provider", provider.host())
                .element("Audience", token.audience())
                .toString();
    }
}
