/**
 * The IAM resource types: {@code iam_user}, {@code role}, {@code group}, {@code iam_policy}, {@code inline_policy},
 * {@code access-key} and {@code account_iam}, built by {@link dev.baton.aws.connector.iam.IamSyncers}.
 *
 * <p>How IAM is read. Each account is read through one {@code IamAccountReader}, created once per account per sync
 * by {@code IamReaders} (single flight when syncers run in parallel). The fast path collects an
 * {@code IamAccountSnapshot} from GetAccountAuthorizationDetails (every page), ListRoles (role descriptions and
 * session limits, which GAAD omits) and the credential report (one GenerateCredentialReport, then
 * GetCredentialReport, polled while AWS builds the report): four calls per account at one page per listing. It
 * serves users, groups, roles, memberships, attachments, inline policies and the account's managed policies (GAAD's
 * policy list instead of ListPolicies) from memory; only access-key ids (ListAccessKeys for users the report shows
 * with a key), users created after the report (AWS keeps a report for up to four hours; their credential facts are
 * read per entity), and AWS-managed policies in use nowhere in the caller's account (ListPolicies(Scope=AWS) and
 * GetPolicyVersion, once per sync at top level) still cost calls. When an account denies GAAD or the credential
 * report, or {@code SyncScope.fastPath()} is off, {@code PerEntityIamReader} makes upstream's per-entity calls
 * instead. Both produce the same {@code IamRecords}, and the mappers only see those, so the synced graph does not
 * depend on the path (tested in {@code IamSyncersOrganizationTest}).
 *
 * <p>Errors. NOT_FOUND and ACCESS_DENIED on one resource skip that resource's detail with one warning naming its
 * ARN; everything else, and every credential failure, stops the sync with the {@code AwsCallException} message.
 */
package dev.baton.aws.connector.iam;
