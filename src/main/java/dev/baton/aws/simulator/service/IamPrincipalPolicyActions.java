package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.IamLookup.account;
import static dev.baton.aws.simulator.service.IamLookup.required;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.aws.simulator.protocol.QueryRequest;
import dev.baton.aws.simulator.protocol.XmlWriter;
import dev.baton.aws.simulator.world.Account;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Inline and attached policies of users, groups and roles: List/Get/Delete XPolicy, ListAttached/Attach/Detach. */
final class IamPrincipalPolicyActions {
    private final WorldState state;

    IamPrincipalPolicyActions(WorldState state) {
        this.state = requireNonNull(state, "state is null");
    }

    void register(Map<String, QueryAction> actions) {
        for (IamPrincipalKind kind : IamPrincipalKind.values()) {
            String label = kind.label();
            actions.put("List" + label + "Policies", (caller, request) -> listInline(kind, caller, request));
            actions.put("Get" + label + "Policy", (caller, request) -> getInline(kind, caller, request));
            actions.put("Delete" + label + "Policy", (caller, request) -> deleteInline(kind, caller, request));
            actions.put("ListAttached" + label + "Policies", (caller, request) -> listAttached(kind, caller, request));
            actions.put("Attach" + label + "Policy", (caller, request) -> attach(kind, caller, request));
            actions.put("Detach" + label + "Policy", (caller, request) -> detach(kind, caller, request));
        }
    }

    private String listInline(IamPrincipalKind kind, Caller caller, QueryRequest request) {
        World world = state.world();
        Map<String, JsonNode> policies =
                kind.inline(account(world, caller).iam(), required(request, kind.nameParameter()));
        ResultSlice<String> page = IamLookup.page(world, request, new ArrayList<>(policies.keySet()));
        XmlWriter xml = new XmlWriter().stringMembers("PolicyNames", page.items());
        IamLookup.pageEnd(xml, page);
        return xml.toString();
    }

    private String getInline(IamPrincipalKind kind, Caller caller, QueryRequest request) {
        String name = required(request, kind.nameParameter());
        String policyName = required(request, "PolicyName");
        JsonNode document =
                kind.inline(account(state.world(), caller).iam(), name).get(policyName);
        if (document == null) {
            throw IamLookup.noSuchEntity("The " + kind.label().toLowerCase(java.util.Locale.ROOT) + " policy with name "
                    + policyName + " cannot be found.");
        }
        return new XmlWriter()
                .element(kind.nameParameter(), name)
                .element("PolicyName", policyName)
                .element("PolicyDocument", IamXml.encode(document))
                .toString();
    }

    private String deleteInline(IamPrincipalKind kind, Caller caller, QueryRequest request) {
        String name = required(request, kind.nameParameter());
        String policyName = required(request, "PolicyName");
        state.update(world -> {
            Map<String, JsonNode> policies =
                    new LinkedHashMap<>(kind.inline(account(world, caller).iam(), name));
            if (policies.remove(policyName) == null) {
                throw IamLookup.noSuchEntity("The " + kind.label().toLowerCase(java.util.Locale.ROOT)
                        + " policy with name " + policyName + " cannot be found.");
            }
            return world.updateIam(caller.accountId(), iam -> kind.withInline(iam, name, policies));
        });
        return null;
    }

    private String listAttached(IamPrincipalKind kind, Caller caller, QueryRequest request) {
        World world = state.world();
        List<String> arns = kind.attached(account(world, caller).iam(), required(request, kind.nameParameter()));
        String prefix = request.get("PathPrefix");
        List<String> matching = arns.stream()
                .filter(arn -> prefix == null || policyPath(arn).startsWith(prefix))
                .toList();
        ResultSlice<String> page = IamLookup.page(world, request, matching);
        XmlWriter xml = new XmlWriter();
        IamXml.attached(xml, "AttachedPolicies", page.items());
        IamLookup.pageEnd(xml, page);
        return xml.toString();
    }

    private static String policyPath(String arn) {
        String rest = arn.substring(arn.indexOf(":policy") + ":policy".length());
        return rest.substring(0, rest.lastIndexOf('/') + 1);
    }

    private String attach(IamPrincipalKind kind, Caller caller, QueryRequest request) {
        String name = required(request, kind.nameParameter());
        String arn = required(request, "PolicyArn");
        state.update(world -> {
            Account account = account(world, caller);
            List<String> attached = new ArrayList<>(kind.attached(account.iam(), name));
            IamLookup.existingPolicy(world, account, arn);
            if (attached.contains(arn)) {
                return world;
            }
            attached.add(arn);
            return world.updateIam(account.id(), iam -> kind.withAttached(iam, name, attached));
        });
        return null;
    }

    private String detach(IamPrincipalKind kind, Caller caller, QueryRequest request) {
        String name = required(request, kind.nameParameter());
        String arn = required(request, "PolicyArn");
        state.update(world -> {
            Account account = account(world, caller);
            List<String> attached = new ArrayList<>(kind.attached(account.iam(), name));
            if (!attached.remove(arn)) {
                throw IamLookup.noSuchEntity("Policy " + arn + " was not found.");
            }
            return world.updateIam(account.id(), iam -> kind.withAttached(iam, name, attached));
        });
        return null;
    }
}
