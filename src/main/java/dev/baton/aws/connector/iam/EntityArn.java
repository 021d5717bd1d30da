package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.spi.SyncException;

/**
 * The parts of an IAM entity ARN ({@code arn:aws:iam::<account>:<kind><path><name>}) that provisioning needs: the
 * owning account, which picks the IAM client, and the entity name, which the write APIs take instead of the ARN.
 *
 * @param accountId 12 digits, or {@code aws} for AWS-managed policies
 * @param kind      {@code user}, {@code group}, {@code role} or {@code policy}
 * @param name      the last path segment
 */
record EntityArn(String arn, String accountId, String kind, String name) {
    EntityArn {
        requireNonNull(arn, "arn is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
    }

    static EntityArn parse(String arn) throws SyncException {
        String[] sections = arn.split(":", 6);
        if (sections.length < 6 || !sections[0].equals("arn") || !sections[2].equals("iam") || sections[4].isEmpty()) {
            throw new SyncException("baton-aws: invalid IAM ARN \"" + arn + "\"");
        }
        String resource = sections[5];
        int slash = resource.indexOf('/');
        int last = resource.lastIndexOf('/');
        if (slash <= 0 || last == resource.length() - 1) {
            throw new SyncException("baton-aws: invalid IAM ARN resource \"" + arn + "\"");
        }
        return new EntityArn(arn, sections[4], resource.substring(0, slash), resource.substring(last + 1));
    }

    /** Parses {@code arn} and checks that it names an entity of {@code expectedKind}. */
    static EntityArn parse(String arn, String expectedKind) throws SyncException {
        EntityArn parsed = parse(arn);
        if (!parsed.kind.equals(expectedKind)) {
            throw new SyncException("baton-aws: expected an IAM " + expectedKind + " ARN, got \"" + arn + "\"");
        }
        return parsed;
    }

    boolean awsManaged() {
        return accountId.equals("aws");
    }
}
