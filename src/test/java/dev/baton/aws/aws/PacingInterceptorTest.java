package dev.baton.aws.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PacingInterceptorTest {
    @Test
    void recognisesThrottlingInQueryAndJsonErrorBodies() {
        assertTrue(PacingInterceptor.isThrottlingBody(
                "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message>"
                        + "</Error></ErrorResponse>"));
        assertTrue(PacingInterceptor.isThrottlingBody("{\"__type\":\"TooManyRequestsException\",\"message\":\"x\"}"));
        assertTrue(PacingInterceptor.isThrottlingBody(
                "{\"__type\":\"com.amazonaws.sso#ThrottlingException\",\"message\":\"x\"}"));
    }

    @Test
    void otherErrorsAreNotThrottling() {
        assertFalse(PacingInterceptor.isThrottlingBody(
                "<ErrorResponse><Error><Code>NoSuchEntity</Code><Message>Throttling is fine</Message></Error>"
                        + "</ErrorResponse>"));
        assertFalse(PacingInterceptor.isThrottlingBody("<Error><Code>LimitExceeded</Code></Error>"));
    }
}
