package dev.baton.aws.connector.iam;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsGateway;
import java.time.Instant;
import org.mockito.Answers;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * An IAM client whose answers carry only the members AWS's API model marks required (botocore's
 * {@code iam/2010-05-08/service-2.json}): each test stubs the request-object overloads it needs; the SDK's
 * consumer-builder overloads run for real and reach those stubs; any other call fails with the SDK's
 * UnsupportedOperationException.
 */
final class SparseIam {
    static final String ACCOUNT = "111111111111";
    static final String A = "arn:aws:iam::" + ACCOUNT + ":";
    static final Instant CREATED = Instant.parse("2024-01-02T03:04:05Z");

    private SparseIam() {}

    static IamClient client() {
        return mock(IamClient.class, Answers.CALLS_REAL_METHODS);
    }

    /** Clients of one account whose IAM is {@code iam}, with a gateway that only uses the SDK's attempts. */
    static AwsClients clients(IamClient iam) throws Exception {
        AwsClients clients = mock(AwsClients.class);
        when(clients.gateway()).thenReturn(AwsGateway.sdkAttemptsOnly());
        when(clients.callerAccountId()).thenReturn(ACCOUNT);
        when(clients.iam()).thenReturn(iam);
        when(clients.iam(any())).thenReturn(iam);
        return clients;
    }

    /** {@code doReturn(answer).when(iam)}: stubs without calling the real default method. */
    static IamClient answer(IamClient iam, Object answer) {
        return doReturn(answer).when(iam);
    }

    static software.amazon.awssdk.services.iam.model.User user(String path, String name) {
        return software.amazon.awssdk.services.iam.model.User.builder()
                .path(path)
                .userName(name)
                .userId("AIDA" + name.toUpperCase())
                .arn(A + "user" + path + name)
                .createDate(CREATED)
                .build();
    }

    static software.amazon.awssdk.services.iam.model.Group group(String path, String name) {
        return software.amazon.awssdk.services.iam.model.Group.builder()
                .path(path)
                .groupName(name)
                .groupId("AGPA" + name.toUpperCase())
                .arn(A + "group" + path + name)
                .createDate(CREATED)
                .build();
    }

    static software.amazon.awssdk.services.iam.model.Role role(String path, String name) {
        return software.amazon.awssdk.services.iam.model.Role.builder()
                .path(path)
                .roleName(name)
                .roleId("AROA" + name.toUpperCase())
                .arn(A + "role" + path + name)
                .createDate(CREATED)
                .build();
    }
}
