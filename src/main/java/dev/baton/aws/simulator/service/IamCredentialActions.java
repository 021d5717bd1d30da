package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.IamLookup.account;
import static dev.baton.aws.simulator.service.IamLookup.required;
import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.protocol.QueryRequest;
import dev.baton.aws.simulator.protocol.XmlWriter;
import dev.baton.aws.simulator.world.AccessKey;
import dev.baton.aws.simulator.world.Account;
import dev.baton.aws.simulator.world.IamUser;
import dev.baton.aws.simulator.world.MfaDevice;
import dev.baton.aws.simulator.world.ServiceSpecificCredential;
import dev.baton.aws.simulator.world.SigningCertificate;
import dev.baton.aws.simulator.world.SshPublicKey;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** A user's credentials: access keys, MFA devices, signing certificates, SSH keys, service-specific credentials. */
final class IamCredentialActions {
    private final WorldState state;

    IamCredentialActions(WorldState state) {
        this.state = requireNonNull(state, "state is null");
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("ListAccessKeys", this::listAccessKeys);
        actions.put("GetAccessKeyLastUsed", this::getAccessKeyLastUsed);
        actions.put("DeleteAccessKey", this::deleteAccessKey);
        actions.put("ListMFADevices", this::listMfaDevices);
        actions.put("DeactivateMFADevice", this::deactivateMfaDevice);
        actions.put("ListSigningCertificates", this::listSigningCertificates);
        actions.put("DeleteSigningCertificate", this::deleteSigningCertificate);
        actions.put("ListSSHPublicKeys", this::listSshPublicKeys);
        actions.put("DeleteSSHPublicKey", this::deleteSshPublicKey);
        actions.put("ListServiceSpecificCredentials", this::listServiceSpecificCredentials);
        actions.put("DeleteServiceSpecificCredential", this::deleteServiceSpecificCredential);
    }

    private String listAccessKeys(Caller caller, QueryRequest request) {
        return pagedOfUser(
                caller,
                request,
                "AccessKeyMetadata",
                IamUser::accessKeys,
                (x, user, key) -> x.element("UserName", user.name())
                        .element("AccessKeyId", key.id())
                        .element("Status", key.status())
                        .element("CreateDate", key.createDate()));
    }

    private String getAccessKeyLastUsed(Caller caller, QueryRequest request) {
        String keyId = required(request, "AccessKeyId");
        Account account = account(state.world(), caller);
        for (IamUser user : account.iam().users()) {
            for (AccessKey key : user.accessKeys()) {
                if (key.id().equals(keyId)) {
                    XmlWriter xml =
                            new XmlWriter().element("UserName", user.name()).start("AccessKeyLastUsed");
                    if (key.lastUsed() == null) {
                        xml.element("ServiceName", "N/A").element("Region", "N/A");
                    } else {
                        xml.element("LastUsedDate", key.lastUsed().date())
                                .element("ServiceName", key.lastUsed().service())
                                .element("Region", key.lastUsed().region());
                    }
                    return xml.end().toString();
                }
            }
        }
        throw IamLookup.noSuchEntity("The Access Key with id " + keyId + " cannot be found.");
    }

    private String deleteAccessKey(Caller caller, QueryRequest request) {
        String keyId = required(request, "AccessKeyId");
        String userName = userName(caller, request);
        state.update(world -> {
            World changed = removeFromUser(
                    world,
                    caller,
                    userName,
                    IamUser::accessKeys,
                    AccessKey::id,
                    keyId,
                    "The Access Key with id " + keyId + " cannot be found.",
                    (u, keys) -> u.withAccessKeys(keys));
            // the secret stops working with the key, as in AWS
            return changed.withCredentials(changed.credentials().stream()
                    .filter(credential -> !credential.accessKeyId().equals(keyId))
                    .toList());
        });
        return null;
    }

    private String listMfaDevices(Caller caller, QueryRequest request) {
        return pagedOfUser(
                caller,
                request,
                "MFADevices",
                IamUser::mfaDevices,
                (x, user, device) -> x.element("UserName", user.name())
                        .element("SerialNumber", device.serialNumber())
                        .element("EnableDate", device.enableDate()));
    }

    private String deactivateMfaDevice(Caller caller, QueryRequest request) {
        String serial = required(request, "SerialNumber");
        String userName = userName(caller, request);
        state.update(world -> removeFromUser(
                world,
                caller,
                userName,
                IamUser::mfaDevices,
                MfaDevice::serialNumber,
                serial,
                "MFA Device with serial number " + serial + " does not exist.",
                (u, d) -> u.withMfaDevices(d)));
        return null;
    }

    private String listSigningCertificates(Caller caller, QueryRequest request) {
        return pagedOfUser(
                caller,
                request,
                "Certificates",
                IamUser::signingCertificates,
                (x, user, cert) -> x.element("UserName", user.name())
                        .element("CertificateId", cert.id())
                        .element("CertificateBody", cert.body())
                        .element("Status", cert.status())
                        .element("UploadDate", cert.uploadDate()));
    }

    private String deleteSigningCertificate(Caller caller, QueryRequest request) {
        String id = required(request, "CertificateId");
        String userName = userName(caller, request);
        state.update(world -> removeFromUser(
                world,
                caller,
                userName,
                IamUser::signingCertificates,
                SigningCertificate::id,
                id,
                "The Certificate with id " + id + " cannot be found.",
                (u, certs) -> u.withSigningCertificates(certs)));
        return null;
    }

    private String listSshPublicKeys(Caller caller, QueryRequest request) {
        return pagedOfUser(
                caller,
                request,
                "SSHPublicKeys",
                IamUser::sshPublicKeys,
                (x, user, key) -> x.element("UserName", user.name())
                        .element("SSHPublicKeyId", key.id())
                        .element("Status", key.status())
                        .element("UploadDate", key.uploadDate()));
    }

    private String deleteSshPublicKey(Caller caller, QueryRequest request) {
        String id = required(request, "SSHPublicKeyId");
        String userName = required(request, "UserName");
        state.update(world -> removeFromUser(
                world,
                caller,
                userName,
                IamUser::sshPublicKeys,
                SshPublicKey::id,
                id,
                "The Public Key with id " + id + " cannot be found.",
                (u, keys) -> u.withSshPublicKeys(keys)));
        return null;
    }

    private String listServiceSpecificCredentials(Caller caller, QueryRequest request) {
        IamUser user = IamLookup.userOrCaller(account(state.world(), caller), caller, request);
        String service = request.get("ServiceName");
        List<ServiceSpecificCredential> credentials = user.serviceSpecificCredentials().stream()
                .filter(c -> service == null || c.serviceName().equals(service))
                .toList();
        return new XmlWriter()
                .members(
                        "ServiceSpecificCredentials",
                        credentials,
                        (x, c) -> x.element("UserName", user.name())
                                .element("Status", c.status())
                                .element("ServiceUserName", c.serviceUserName())
                                .element("CreateDate", c.createDate())
                                .element("ServiceSpecificCredentialId", c.id())
                                .element("ServiceName", c.serviceName()))
                .toString();
    }

    private String deleteServiceSpecificCredential(Caller caller, QueryRequest request) {
        String id = required(request, "ServiceSpecificCredentialId");
        String userName = userName(caller, request);
        state.update(world -> removeFromUser(
                world,
                caller,
                userName,
                IamUser::serviceSpecificCredentials,
                ServiceSpecificCredential::id,
                id,
                "No such credential " + id + ".",
                (u, creds) -> u.withServiceSpecificCredentials(creds)));
        return null;
    }

    /** One marker-paged page of a user's (or, without UserName, the caller's) credential list. */
    private <T> String pagedOfUser(
            Caller caller,
            QueryRequest request,
            String listName,
            Function<IamUser, List<T>> items,
            ItemWriter<T> member) {
        World world = state.world();
        IamUser user = IamLookup.userOrCaller(account(world, caller), caller, request);
        ResultSlice<T> page = IamLookup.page(world, request, items.apply(user));
        XmlWriter xml = new XmlWriter().members(listName, page.items(), (x, item) -> member.write(x, user, item));
        IamLookup.pageEnd(xml, page);
        return xml.toString();
    }

    /** Writes one list member of {@code user}. */
    private interface ItemWriter<T> {
        void write(XmlWriter xml, IamUser user, T item);
    }

    private String userName(Caller caller, QueryRequest request) {
        return IamLookup.userOrCaller(account(state.world(), caller), caller, request)
                .name();
    }

    /** Removes the item with {@code id} from one of a user's credential lists, or fails with NoSuchEntity. */
    private static <T> World removeFromUser(
            World world,
            Caller caller,
            String userName,
            Function<IamUser, List<T>> items,
            Function<T, String> idOf,
            String id,
            String missing,
            java.util.function.BiFunction<IamUser, List<T>, IamUser> replace) {
        IamUser user = IamLookup.user(account(world, caller).iam(), userName);
        List<T> remaining = items.apply(user).stream()
                .filter(item -> !idOf.apply(item).equals(id))
                .toList();
        if (remaining.size() == items.apply(user).size()) {
            throw IamLookup.noSuchEntity(missing);
        }
        UnaryOperator<IamUser> change = u -> replace.apply(u, remaining);
        return world.updateIam(caller.accountId(), iam -> iam.updateUser(userName, change));
    }
}
