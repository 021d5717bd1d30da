package dev.baton.aws.simulator.world;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The built-in demo world (also committed as {@code examples/demo-world.json}): a management account and three
 * member accounts in nested OUs plus a suspended one, IAM users, groups, roles and policies, Identity Center with
 * users, groups, permission sets and assignments, and a few CloudTrail sign-ins. The connector gets in as user
 * {@code baton-connector} through role {@code BatonConnector} with external id {@code baton-demo-external-id}.
 */
public final class DemoWorld {
    private static final String RESOURCE = "/dev/baton/aws/simulator/demo-world.json";

    private DemoWorld() {}

    /** The demo world file as text, exactly as shipped. */
    public static String json() {
        try (InputStream in = DemoWorld.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("demo world resource missing: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static World create() {
        return new WorldLoader().load(json());
    }
}
