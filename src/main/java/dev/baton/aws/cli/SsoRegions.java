package dev.baton.aws.cli;

import java.util.Iterator;
import java.util.List;

/**
 * The regions offered for Identity Center ({@code --global-aws-sso-region}), in the order of the upstream select
 * list, which the ConductorOne UI shows as is. Also the option's completion candidates.
 */
final class SsoRegions implements Iterable<String> {
    static final String DEFAULT = "us-east-1";
    static final List<String> ALL = List.of(
            "us-east-2",
            "us-east-1",
            "us-west-1",
            "us-west-2",
            "af-south-1",
            "ap-east-1",
            "ap-southeast-3",
            "ap-south-1",
            "ap-northeast-3",
            "ap-northeast-2",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-northeast-1",
            "ca-central-1",
            "eu-central-1",
            "eu-west-1",
            "eu-west-2",
            "eu-south-1",
            "eu-west-3",
            "eu-north-1",
            "me-south-1",
            "me-central-1",
            "sa-east-1");

    @Override
    public Iterator<String> iterator() {
        return ALL.iterator();
    }
}
