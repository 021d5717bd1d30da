package dev.baton.aws.simulator.service;

import dev.baton.aws.simulator.protocol.QueryRequest;
import dev.baton.aws.simulator.protocol.XmlWriter;
import dev.baton.aws.simulator.world.Account;
import dev.baton.aws.simulator.world.AccountIam;
import dev.baton.aws.simulator.world.IamGroup;
import dev.baton.aws.simulator.world.IamRole;
import dev.baton.aws.simulator.world.IamUser;
import dev.baton.aws.simulator.world.ManagedPolicy;
import dev.baton.aws.simulator.world.World;
import java.util.List;
import java.util.Optional;

/** Finding IAM entities the way IAM reports their absence, plus IAM's Marker/MaxItems paging. */
final class IamLookup {
    /** IAM's real MaxItems ceiling. */
    static final int MAX_ITEMS = 1000;

    private IamLookup() {}

    static Account account(World world, Caller caller) {
        return world.account(caller.accountId())
                .orElseThrow(() -> new AwsFault(403, "InvalidClientTokenId", "The caller's account does not exist."));
    }

    static String required(QueryRequest request, String name) {
        String value = request.get(name);
        if (value == null || value.isEmpty()) {
            throw new AwsFault(
                    400,
                    "ValidationError",
                    "1 validation error detected: Value null at '"
                            + Character.toLowerCase(name.charAt(0)) + name.substring(1)
                            + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    static IamUser user(AccountIam iam, String name) {
        return iam.user(name).orElseThrow(() -> noSuchEntity("The user with name " + name + " cannot be found."));
    }

    static IamGroup group(AccountIam iam, String name) {
        return iam.group(name).orElseThrow(() -> noSuchEntity("The group with name " + name + " cannot be found."));
    }

    static IamRole role(AccountIam iam, String name) {
        return iam.role(name).orElseThrow(() -> noSuchEntity("The role with name " + name + " cannot be found."));
    }

    /** The user named by {@code UserName}, or the calling user when the parameter is absent (as IAM does). */
    static IamUser userOrCaller(Account account, Caller caller, QueryRequest request) {
        String name = request.get("UserName");
        if (name == null || name.isEmpty()) {
            if (!caller.principalArn().startsWith("arn:aws:iam::")
                    || !caller.principalArn().contains(":user/")) {
                throw new AwsFault(
                        400, "ValidationError", "Must specify userName when calling with non-User credentials");
            }
            name = caller.principalArn().substring(caller.principalArn().lastIndexOf('/') + 1);
        }
        return user(account.iam(), name);
    }

    /** A managed policy visible from {@code account}: its own customer policies or AWS-managed ones. */
    static Optional<ManagedPolicy> policy(World world, Account account, String arn) {
        String awsPrefix = "arn:aws:iam::aws:policy";
        if (arn.startsWith(awsPrefix)) {
            return world.awsManagedPolicies().stream()
                    .filter(p -> p.arn("aws").equals(arn))
                    .findFirst();
        }
        return account.iam().policies().stream()
                .filter(p -> p.arn(account.id()).equals(arn))
                .findFirst();
    }

    static ManagedPolicy existingPolicy(World world, Account account, String arn) {
        return policy(world, account, arn)
                .orElseThrow(() -> noSuchEntity("Policy " + arn + " does not exist or is not attachable."));
    }

    static AwsFault noSuchEntity(String message) {
        return new AwsFault(404, "NoSuchEntity", message);
    }

    /** One page by {@code Marker}/{@code MaxItems} (capped at 1000, default {@code limits.pageSize.iam}). */
    static <T> ResultSlice<T> page(World world, QueryRequest request, List<T> all) {
        Integer requested = null;
        String maxItems = request.get("MaxItems");
        if (maxItems != null) {
            try {
                requested = Integer.parseInt(maxItems);
            } catch (NumberFormatException e) {
                throw new AwsFault(400, "ValidationError", "MaxItems must be a number");
            }
        }
        int size = ResultSlice.size(requested, world.limits().pageSize("iam"), MAX_ITEMS, "ValidationError");
        return ResultSlice.slice(all, PageTokens.decode(request.get("Marker"), "InvalidInput"), size);
    }

    /** {@code <IsTruncated>} and, when truncated, {@code <Marker>}. */
    static void pageEnd(XmlWriter xml, ResultSlice<?> page) {
        xml.element("IsTruncated", page.truncated());
        xml.element("Marker", page.nextToken());
    }

    static boolean pathMatches(String path, QueryRequest request) {
        String prefix = request.get("PathPrefix");
        return prefix == null || path.startsWith(prefix);
    }
}
