package dev.baton.aws.spi;

import com.google.protobuf.Struct;

/** Creates user accounts of one resource type; creating an existing account returns it. */
public interface AccountCreator extends ResourceProvisioner {
    ProvisionResult createAccount(String login, String email, Struct profile) throws SyncException;
}
