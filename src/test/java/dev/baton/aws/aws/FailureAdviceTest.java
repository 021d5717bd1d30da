package dev.baton.aws.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Client-side failure text is short and never carries anything key- or token-like. */
class FailureAdviceTest {
    @Test
    void keysAndTokensAreScrubbedButPathsArnsAndDigestsStay() {
        assertEquals(
                "key *** token *** in /home/u/.aws/sso/cache/0123456789abcdef0123456789abcdef01234567.json"
                        + " for arn:aws:iam::111111111111:role/Connector",
                FailureAdvice.scrub("key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY token "
                        + "FwoGZXIvYXdzEBaDk2Zm9vYmFyYmF6cXV4 in "
                        + "/home/u/.aws/sso/cache/0123456789abcdef0123456789abcdef01234567.json for "
                        + "arn:aws:iam::111111111111:role/Connector"));
    }

    @Test
    void shortMessageNamesTheRootCause() {
        SdkClientException failure =
                SdkClientException.create("Unable to execute HTTP request", new ConnectException("Connection refused"));

        assertEquals("Unable to execute HTTP request (Connection refused)", FailureAdvice.shortMessage(failure));
    }
}
