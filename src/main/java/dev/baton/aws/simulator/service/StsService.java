package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.IamLookup.required;
import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.protocol.QueryRequest;
import dev.baton.aws.simulator.protocol.XmlWriter;
import dev.baton.aws.simulator.world.Account;
import dev.baton.aws.simulator.world.IamRole;
import dev.baton.aws.simulator.world.IamUser;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS (awsQuery, version 2011-06-15): AssumeRole with trust-policy evaluation, AssumeRoleWithWebIdentity (see
 * {@link WebIdentityAction}), and GetCallerIdentity.
 */
public final class StsService implements QueryService {
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role(/|/.*/)([\\w+=,.@-]{1,64})");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    /** AWS caps role-chained sessions at one hour whatever the role allows. */
    private static final int CHAINED_MAX_SECONDS = 3600;

    private final WorldState state;
    private final StsSessions sessions;
    private final SessionIssuer issuer;
    private final WebIdentityAction webIdentity;

    public StsService(WorldState state, StsSessions sessions) {
        this.state = requireNonNull(state, "state is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        // seeded apart from the loader's ids, so session keys are reproducible run to run
        this.issuer = new SessionIssuer(state, sessions, 2);
        this.webIdentity = new WebIdentityAction(state, issuer);
    }

    @Override
    public String version() {
        return "2011-06-15";
    }

    @Override
    public String namespace() {
        return "https://sts.amazonaws.com/doc/2011-06-15/";
    }

    @Override
    public String statsPrefix() {
        return "sts";
    }

    @Override
    public String rateScope(Caller caller) {
        return "sts";
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of(
                "AssumeRole",
                this::assumeRole,
                "GetCallerIdentity",
                this::getCallerIdentity,
                "AssumeRoleWithWebIdentity",
                webIdentity);
    }

    /** AssumeRoleWithWebIdentity is called without AWS credentials: the web identity token is the proof. */
    @Override
    public Set<String> unsignedActions() {
        return Set.of("AssumeRoleWithWebIdentity");
    }

    private String getCallerIdentity(Caller caller, QueryRequest request) {
        return new XmlWriter()
                .element("UserId", userId(caller))
                .element("Account", caller.accountId())
                .element("Arn", caller.principalArn())
                .toString();
    }

    /** {@code AIDA…} for users, {@code AROA…:<session>} for role sessions, as AWS reports them. */
    private String userId(Caller caller) {
        Optional<StsSession> session = sessions.find(caller.accessKeyId());
        if (session.isPresent()) {
            return session.get().roleId() + ":" + session.get().sessionName();
        }
        String name = caller.principalArn().substring(caller.principalArn().lastIndexOf('/') + 1);
        return state.world()
                .account(caller.accountId())
                .flatMap(a -> a.iam().user(name))
                .map(IamUser::id)
                .orElse("");
    }

    private String assumeRole(Caller caller, QueryRequest request) {
        String roleArn = required(request, "RoleArn");
        String sessionName = required(request, "RoleSessionName");
        Matcher matcher = validRoleRequest(roleArn, sessionName);
        Optional<StsSession> callerSession = sessions.find(caller.accessKeyId());
        int duration = duration(request, callerSession.isPresent());
        World world = state.world();
        List<String> callerArns = callerSession
                .map(session -> List.of(session.roleArn(), session.assumedRoleArn()))
                .orElse(List.of(caller.principalArn()));
        IamRole role = trustingRole(world, caller.accountId(), callerArns, matcher, request.get("ExternalId"))
                .orElseThrow(() -> new AwsFault(
                        403,
                        "AccessDenied",
                        "User: " + caller.principalArn() + " is not authorized to perform: sts:AssumeRole on resource: "
                                + roleArn));
        return roleSession(issuer, matcher.group(1), role, sessionName, duration, new XmlWriter())
                .toString();
    }

    /** The role ARN matched against its pattern, after both request parameters are checked as STS checks them. */
    static Matcher validRoleRequest(String roleArn, String sessionName) {
        Matcher matcher = ROLE_ARN.matcher(roleArn);
        if (!matcher.matches()) {
            throw new AwsFault(400, "ValidationError", "Invalid RoleArn: " + roleArn);
        }
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw new AwsFault(400, "ValidationError", "Invalid RoleSessionName: " + sessionName);
        }
        return matcher;
    }

    /** Issues a session of {@code role} and writes the {@code Credentials} and {@code AssumedRoleUser} elements. */
    static XmlWriter roleSession(
            SessionIssuer issuer, String accountId, IamRole role, String sessionName, int duration, XmlWriter xml) {
        if (duration > role.maxSessionDuration()) {
            throw new AwsFault(
                    400,
                    "ValidationError",
                    "The requested DurationSeconds exceeds the MaxSessionDuration " + "set for this role.");
        }
        SessionIssuer.Issued issued = issuer.issue(
                accountId, new SessionIssuer.RoleRef(role.name(), role.path(), role.id()), sessionName, duration);
        return issued.credentialsXml(xml)
                .start("AssumedRoleUser")
                .element("AssumedRoleId", role.id() + ":" + sessionName)
                .element("Arn", issued.session().assumedRoleArn())
                .end();
    }

    static int duration(QueryRequest request, boolean chained) {
        String value = request.get("DurationSeconds");
        int duration;
        try {
            duration = value == null ? 3600 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new AwsFault(400, "ValidationError", "DurationSeconds must be a number");
        }
        if (duration < 900 || duration > 43200) {
            throw new AwsFault(400, "ValidationError", "DurationSeconds must be between 900 and 43200");
        }
        if (chained && duration > CHAINED_MAX_SECONDS) {
            throw new AwsFault(
                    400,
                    "ValidationError",
                    "The requested DurationSeconds exceeds the 1 hour session "
                            + "limit for roles assumed by role chaining.");
        }
        return duration;
    }

    /**
     * The role, when it exists in an active account and its trust policy lets the caller in; {@code callerArns}
     * are the user ARN, or for a role session the role ARN and the assumed-role ARN.
     */
    private static Optional<IamRole> trustingRole(
            World world, String callerAccountId, List<String> callerArns, Matcher roleArn, String externalId) {
        Optional<Account> account = world.account(roleArn.group(1)).filter(Account::active);
        Optional<IamRole> role = account.flatMap(a -> a.iam().role(roleArn.group(3)))
                .filter(r -> r.path().equals(roleArn.group(2)));
        return role.filter(r -> new TrustPolicy(r.trustPolicy()).allows(callerAccountId, callerArns, externalId));
    }
}
