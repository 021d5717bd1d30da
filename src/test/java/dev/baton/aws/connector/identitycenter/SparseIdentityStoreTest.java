package dev.baton.aws.connector.identitycenter;

import static dev.baton.aws.connector.identitycenter.SparseAnswers.GROUP_ARN;
import static dev.baton.aws.connector.identitycenter.SparseAnswers.STORE;
import static dev.baton.aws.connector.identitycenter.SparseAnswers.USER_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.baton.aws.connector.identitycenter.AssignmentReader.Assignment;
import dev.baton.aws.model.Ids;
import dev.baton.aws.model.Profiles;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.testing.FakeAwsClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.ListGroupMembershipsRequest;
import software.amazon.awssdk.services.identitystore.model.ListGroupMembershipsResponse;
import software.amazon.awssdk.services.identitystore.model.ListGroupsRequest;
import software.amazon.awssdk.services.identitystore.model.ListGroupsResponse;
import software.amazon.awssdk.services.identitystore.model.ListUsersRequest;
import software.amazon.awssdk.services.identitystore.model.ListUsersResponse;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.User;

/**
 * The Identity Store and CloudTrail reads of the sync, answered with only the members AWS's model marks required
 * (Identity Store: the lists and the ids; CloudTrail: nothing): users and groups keep their ids and show their id
 * as name, a membership without id gets the SDK's grant id, and what cannot be used is reported once.
 */
class SparseIdentityStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final SparseAnswers run = new SparseAnswers();
    private final FakeAwsClients clients = new FakeAwsClients().ssoAdmin(new SparseAnswers.OneInstance() {});

    /** Identity Store answering the three listings the sync uses. */
    private void store(List<User> users, List<Group> groups, List<GroupMembership> memberships) {
        clients.identityStore(new IdentitystoreClient() {
            @Override
            public ListUsersResponse listUsers(ListUsersRequest request) {
                return ListUsersResponse.builder().users(users).build();
            }

            @Override
            public ListGroupsResponse listGroups(ListGroupsRequest request) {
                return ListGroupsResponse.builder().groups(groups).build();
            }

            @Override
            public ListGroupMembershipsResponse listGroupMemberships(ListGroupMembershipsRequest request) {
                return ListGroupMembershipsResponse.builder()
                        .groupMemberships(memberships)
                        .build();
            }

            @Override
            public String serviceName() {
                return "identitystore";
            }

            @Override
            public void close() {}
        });
    }

    private SsoUserSyncer users() {
        return new SsoUserSyncer(
                clients, run.instance(clients), ScimUserStatuses.none(), SsoLastLogins.none(), run.sink);
    }

    @Test
    void listUsersWithOnlyIdsGivesUsersNamedByTheirId() throws Exception {
        store(
                List.of(
                        User.builder().identityStoreId(STORE).userId("u-1").build(),
                        User.builder()
                                .identityStoreId(STORE)
                                .userId("u-2")
                                .displayName("Bo")
                                .emails(
                                        Email.builder().build(),
                                        Email.builder().value("bo@example.com").build())
                                .build()),
                List.of(),
                List.of());

        Page<Resource> page = users().list(null, PageToken.first());

        assertFalse(page.hasNext());
        Resource first = page.items().get(0);
        assertEquals(USER_ARN, first.getId().getResource());
        assertEquals("u-1", first.getDisplayName());
        assertEquals("", Profiles.string(first.getProfile(), "aws_user_name"));
        Resource second = page.items().get(1);
        assertEquals("Bo", second.getDisplayName());
        assertEquals(List.of(), run.warnings);
    }

    @Test
    void listUsersEmptyAnswerAndAUserWithoutIdAreSurvived() throws Exception {
        store(List.of(User.builder().identityStoreId(STORE).userName("ghost").build()), List.of(), List.of());
        assertEquals(List.of(), users().list(null, PageToken.first()).items());
        assertEquals(
                List.of("identitystore:ListUsers on " + STORE + ": user ghost has no UserId; skipping it"),
                run.warnings);

        store(List.of(), List.of(), List.of());
        assertEquals(List.of(), users().list(null, PageToken.first()).items());
    }

    @Test
    void listGroupsWithOnlyIdsGivesGroupsNamedByTheirId() throws Exception {
        store(
                List.of(),
                List.of(Group.builder().identityStoreId(STORE).groupId("g-1").build()),
                List.of());

        Page<Resource> page =
                new SsoGroupSyncer(clients, run.instance(clients), run.sink).list(null, PageToken.first());

        assertFalse(page.hasNext());
        assertEquals(GROUP_ARN, page.items().get(0).getId().getResource());
        assertEquals("g-1", page.items().get(0).getDisplayName());
        assertEquals(
                "g-1 Group Member",
                SsoGroupSyncer.entitlement(page.items().get(0)).getDisplayName());
    }

    @Test
    void listGroupMembershipsWithoutMembershipIdUsesTheSdkGrantIdAndWithoutMemberIsSkipped() throws Exception {
        store(
                List.of(),
                List.of(),
                List.of(
                        GroupMembership.builder()
                                .identityStoreId(STORE)
                                .memberId(MemberId.fromUserId("u-1"))
                                .build(),
                        GroupMembership.builder()
                                .identityStoreId(STORE)
                                .membershipId("m-2")
                                .build()));
        SsoGroupSyncer groups = new SsoGroupSyncer(clients, run.instance(clients), run.sink);
        Resource group =
                SsoGroupSyncer.toResource(Group.builder().groupId("g-1").build(), GROUP_ARN);

        Page<Grant> page = groups.grants(group, PageToken.first());

        assertFalse(page.hasNext());
        assertEquals(
                List.of(Ids.grantId(SsoGroupSyncer.entitlement(group).getId(), Ids.resourceId("sso_user", USER_ARN))),
                page.items().stream().map(Grant::getId).toList());
        assertEquals(
                List.of("identitystore:ListGroupMemberships on " + GROUP_ARN + ": membership m-2 has no "
                        + "MemberId.UserId; skipping it"),
                run.warnings);
    }

    @Test
    void principalDirectoryReadsUsersAndGroupsWithOnlyIds() throws Exception {
        store(
                List.of(User.builder().identityStoreId(STORE).userId("u-1").build()),
                List.of(Group.builder().identityStoreId(STORE).groupId("g-1").build()),
                List.of());
        assertEquals(
                Optional.of(List.of(new Assignment("USER", "u-1"), new Assignment("GROUP", "g-1"))),
                new SsoPrincipalDirectory(clients, run.instance(clients)).principalsFewerThan(10));
    }

    /** CloudTrail answering one page of {@code events}. */
    private CloudTrailLastLogins lastLogins(List<Event> events) {
        clients.cloudTrail(new CloudTrailClient() {
            @Override
            public LookupEventsResponse lookupEvents(LookupEventsRequest request) {
                return LookupEventsResponse.builder().events(events).build();
            }

            @Override
            public String serviceName() {
                return "cloudtrail";
            }

            @Override
            public void close() {}
        });
        return new CloudTrailLastLogins(
                clients, run.instance(clients), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30), run.sink);
    }

    @Test
    void lookupEventsAnsweredWithNothingMeansNoLastLogin() throws Exception {
        assertEquals(Optional.empty(), lastLogins(List.of()).lastLogin("u-1"));
        assertEquals(List.of(), run.warnings);
    }

    @Test
    void lookupEventsWithoutTimeOrRecordAreIgnoredAndWithoutUsernameOrNameStillCount() throws Exception {
        String record = "{\"eventName\":\"Authenticate\",\"userIdentity\":{\"onBehalfOf\":{\"userId\":\"u-1\","
                + "\"identityStoreArn\":\"arn:aws:identitystore::111111111111:identitystore/" + STORE + "\"}}}";
        Instant signedIn = NOW.minus(Duration.ofDays(2));
        CloudTrailLastLogins logins = lastLogins(List.of(
                Event.builder().build(),
                Event.builder().cloudTrailEvent(record).build(),
                Event.builder().eventTime(NOW).build(),
                Event.builder().eventTime(signedIn).cloudTrailEvent(record).build()));

        assertEquals(Optional.of(signedIn), logins.lastLogin("u-1"));
        assertEquals(List.of(), run.warnings);
    }
}
