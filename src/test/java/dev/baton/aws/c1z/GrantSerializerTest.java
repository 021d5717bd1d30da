package dev.baton.aws.c1z;

import static dev.baton.aws.c1z.C1zFixtures.account;
import static dev.baton.aws.c1z.C1zFixtures.expandableGrant;
import static dev.baton.aws.c1z.C1zFixtures.grant;
import static dev.baton.aws.c1z.C1zFixtures.group;
import static dev.baton.aws.c1z.C1zFixtures.member;
import static dev.baton.aws.c1z.C1zFixtures.user;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantSources;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantSerializerTest {
    private final GrantSerializer serializer = new GrantSerializer();

    @Test
    void writesTheSameBytesAsTheWholeMessageForGrantsSharingTheirEntitlement() {
        Entitlement admins = member(group("admins"));
        Entitlement ops = member(group("ops"));
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Entitlement shared = i < 25 ? admins : ops;
            Grant.Builder grant = grant(shared, user("user-" + i, "111111111111")).toBuilder();
            GrantSources.Builder sources = GrantSources.newBuilder();
            for (int s = 0; s < i % 4; s++) { // a map: deterministic order must hold inside the grant's own bytes
                sources.putSources(
                        "source-" + (i * 7 + s) % 11,
                        GrantSources.GrantSource.newBuilder()
                                .setIsDirect(s % 2 == 0)
                                .build());
            }
            grants.add(grant.setSources(sources).build());
        }
        grants.add(expandableGrant(admins, group("nested"), admins.getId()));

        for (Grant grant : grants) {
            assertArrayEquals(ProtoEncoding.serialize(grant), serializer.serialize(grant));
        }
    }

    @Test
    void aLargeEntitlementWithAProfileMapKeepsItsBytesAndLengthPrefix() {
        Struct.Builder profile = Struct.newBuilder();
        for (int i = 0; i < 300; i++) { // past 127 and 16,383 bytes: a longer varint length
            profile.putFields(
                    "key-" + i,
                    Value.newBuilder()
                            .setStringValue("value-" + i + "-".repeat(50))
                            .build());
        }
        Resource accountResource = account("222222222222");
        Entitlement big = member(group("big")).toBuilder()
                .setDescription("d".repeat(200))
                .setResource(accountResource.toBuilder()
                        .setDescription(profile.build().toString()))
                .build();
        Grant first = grant(big, user("a", "222222222222"));
        Grant second = grant(big, user("b", "222222222222"));

        assertTrue(big.getSerializedSize() > 16_384, "entitlement of " + big.getSerializedSize() + " bytes");
        assertArrayEquals(ProtoEncoding.serialize(first), serializer.serialize(first));
        assertArrayEquals(ProtoEncoding.serialize(second), serializer.serialize(second));
    }

    @Test
    void aGrantWithoutAnEntitlementIsSerializedWhole() {
        Grant bare = Grant.newBuilder().setId("grant-without-entitlement").build();

        assertArrayEquals(ProtoEncoding.serialize(bare), serializer.serialize(bare));
    }

    @Test
    void aDifferentEntitlementAfterTheRememberedOneIsEncodedAgain() {
        Entitlement admins = member(group("admins"));
        Entitlement renamed = admins.toBuilder().setDisplayName("renamed").build();
        serializer.serialize(grant(admins, user("a", "111111111111")));

        Grant afterChange = grant(renamed, user("a", "111111111111"));

        assertArrayEquals(ProtoEncoding.serialize(afterChange), serializer.serialize(afterChange));
    }
}
