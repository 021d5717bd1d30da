package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.Arn;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsPaging;
import dev.baton.aws.connector.iam.IamRecords.PrincipalKind;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;

/** The List/Get{User,Group,Role}Policy calls, one switch per operation instead of three copies of each caller. */
final class InlinePolicyCalls {
    private final IamCalls calls;
    private final IamClient iam;

    InlinePolicyCalls(IamCalls calls) {
        this.calls = requireNonNull(calls, "calls is null");
        this.iam = calls.client();
    }

    /** All inline policy names of the principal (every page). */
    List<String> names(PrincipalKind kind, String principalArn) throws AwsCallException {
        String name = Arn.parse(principalArn).name();
        List<String> names = new ArrayList<>();
        String marker = null;
        do {
            String current = marker;
            Names page = switch (kind) {
                case USER ->
                    calls.call("ListUserPolicies", principalArn, () -> {
                        var r = iam.listUserPolicies(b -> b.userName(name).marker(current));
                        return new Names(r.policyNames(), AwsPaging.nextMarker(r.isTruncated(), r.marker(), current));
                    });
                case GROUP ->
                    calls.call("ListGroupPolicies", principalArn, () -> {
                        var r = iam.listGroupPolicies(b -> b.groupName(name).marker(current));
                        return new Names(r.policyNames(), AwsPaging.nextMarker(r.isTruncated(), r.marker(), current));
                    });
                case ROLE ->
                    calls.call("ListRolePolicies", principalArn, () -> {
                        var r = iam.listRolePolicies(b -> b.roleName(name).marker(current));
                        return new Names(r.policyNames(), AwsPaging.nextMarker(r.isTruncated(), r.marker(), current));
                    });
            };
            names.addAll(page.names());
            marker = page.marker();
        } while (marker != null);
        return names;
    }

    /** The decoded document of one inline policy. */
    String document(PrincipalKind kind, String principalArn, String policyName) throws AwsCallException {
        String name = Arn.parse(principalArn).name();
        String encoded = switch (kind) {
            case USER ->
                calls.call(
                        "GetUserPolicy",
                        principalArn,
                        () -> iam.getUserPolicy(b -> b.userName(name).policyName(policyName))
                                .policyDocument());
            case GROUP ->
                calls.call(
                        "GetGroupPolicy",
                        principalArn,
                        () -> iam.getGroupPolicy(b -> b.groupName(name).policyName(policyName))
                                .policyDocument());
            case ROLE ->
                calls.call(
                        "GetRolePolicy",
                        principalArn,
                        () -> iam.getRolePolicy(b -> b.roleName(name).policyName(policyName))
                                .policyDocument());
        };
        return IamValues.decodeDocument(encoded);
    }

    private record Names(List<String> names, String marker) {}
}
