package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsSyntaxTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "arn:aws:iam::123456789012:role/Baton",
                "arn:aws-cn:iam::123456789012:role/a+b=c,d.e@f_g-h",
                "arn:aws-us-gov:iam::123456789012:role/service-role/path/Baton",
                "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef"
            })
    void validRoleArns(String arn) {
        assertEquals(Optional.empty(), AwsSyntax.roleArnProblem(arn));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "arn:aws:iam::123456789012",
                "arn:aws:iam::123456789012:role/",
                "arn:aws:iam::123456789012:role//x",
                "arn:aws:iam::12345678901a:role/x",
                "arn:aws:iam::123456789012:role/***",
                "arn:aws:iam::123456789012:roles/x",
                "ARN:aws:iam::123456789012:role/x",
                "arn:aws:iam::123456789012:role/path with space/x"
            })
    void invalidRoleArns(String arn) {
        assertTrue(AwsSyntax.roleArnProblem(arn).isPresent(), arn);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "us-east-1",
                "eu-central-2",
                "ap-southeast-3",
                "us-gov-west-1",
                "cn-north-1",
                "us-isob-east-1",
                "il-central-1",
                "mx-central-1"
            })
    void regions(String region) {
        assertTrue(AwsSyntax.isRegion(region));
    }

    @ParameterizedTest
    @ValueSource(strings = {"US-EAST-1", "us-east", "useast1", "us-east-1a", "global", "us_east_1"})
    void notRegions(String region) {
        assertFalse(AwsSyntax.isRegion(region));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "C1-f2a1:tenant/42", "x+y=z,w.v@u_t-s"})
    void validExternalIds(String externalId) {
        assertEquals(Optional.empty(), AwsSyntax.externalIdProblem(externalId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Q", "has space", "semi;colon", "quote'"})
    void invalidExternalIdsNeverQuoteTheValue(String externalId) {
        String problem = AwsSyntax.externalIdProblem(externalId).orElseThrow();

        assertFalse(problem.contains(externalId), problem);
    }

    @Test
    void roleNamesAreAtMost64Characters() {
        assertTrue(AwsSyntax.roleArnProblem("arn:aws:iam::123456789012:role/" + "x".repeat(64))
                .isEmpty());
        assertTrue(AwsSyntax.roleArnProblem("arn:aws:iam::123456789012:role/" + "x".repeat(65))
                .isPresent());
    }

    @Test
    void externalIdLengthLimits() {
        assertTrue(AwsSyntax.externalIdProblem("a".repeat(1224)).isEmpty());
        assertTrue(AwsSyntax.externalIdProblem("a".repeat(1225)).isPresent());
    }
}
