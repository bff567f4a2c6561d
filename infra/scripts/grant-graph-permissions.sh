#!/usr/bin/env bash
# Grants the Function App's user-assigned identity the Microsoft Graph application permissions the service uses.
# Azure RBAC cannot grant these: they are app role assignments on the tenant's Microsoft Graph service principal.
#
# Run by `azd provision`/`azd up` as the postprovision hook (azure.yaml), with the outputs of infra/main.bicep in the
# environment. It can also be run alone by a tenant administrator:
#   MANAGED_IDENTITY_PRINCIPAL_ID=<object id> ./infra/scripts/grant-graph-permissions.sh
#
# Needs: Azure CLI signed in (`az login`) to the Microsoft 365 tenant as a Privileged Role Administrator or Global
# Administrator (granting application permissions of Microsoft Graph is an admin consent).
#
# Settings (environment variables, or `azd env set NAME VALUE`):
#   MANAGED_IDENTITY_PRINCIPAL_ID  object id of the identity's service principal (an output of main.bicep)
#   GRAPH_APP_ROLES                space-separated permissions to grant; default below
#   GRAPH_MAILBOX_ACCESS           "tenant" (default): grant the mailbox permissions in Entra ID, for every mailbox;
#                                  "exchange-rbac": grant none of them here (only User.ReadBasic.All), because Exchange
#                                  Online RBAC for Applications grants them per mailbox group
#                                  (scripts/restrict-mailboxes.ps1) and Entra grants would add tenant-wide access on top
#   GRANT_GRAPH_PERMISSIONS        "false" skips this script (when someone else administers the tenant)
set -euo pipefail

# Microsoft Graph's application id, the same in every tenant.
readonly GRAPH_APP_ID="00000003-0000-0000-c000-000000000000"

# The permissions the code uses, each for the Graph calls named (infra/README.md has the table per mailbox group, and a
# test checks that this list, restrict-mailboxes.ps1 and both READMEs agree with the calls in src/InterviewScheduler.Graph):
# Calendars.ReadWrite: the organizer's events (create, move, cancel, read, calendarView delta, change notifications) and
#   free/busy and working hours through calendar/getSchedule (interviewers' schedules included).
# Mail.ReadWrite: create an acknowledgment as a draft in a sender mailbox, and find it again in Drafts and Sent Items by
#   its marker (an extended property, which Mail.ReadBasic cannot read) before any retry acts.
# Mail.Send: send that draft (message: send).
# User.ReadBasic.All: find interviewers by name for the recruiter's workspace (GET /users?$search=); a directory
#   permission, so Exchange's RBAC for Applications does not scope it.
readonly DEFAULT_GRAPH_APP_ROLES="Calendars.ReadWrite Mail.ReadWrite Mail.Send User.ReadBasic.All"
# The permissions Exchange Online RBAC for Applications can scope to mailboxes instead (restrict-mailboxes.ps1).
readonly MAILBOX_APP_ROLES="Calendars.ReadWrite Calendars.Read Calendars.ReadBasic.All Mail.Send Mail.ReadBasic Mail.ReadBasic.All Mail.Read Mail.ReadWrite MailboxSettings.Read MailboxSettings.ReadWrite"

if [[ "${GRANT_GRAPH_PERMISSIONS:-true}" == "false" ]]; then
  echo "GRANT_GRAPH_PERMISSIONS=false: not granting Microsoft Graph permissions. A tenant administrator must run" >&2
  echo "  MANAGED_IDENTITY_PRINCIPAL_ID=${MANAGED_IDENTITY_PRINCIPAL_ID:-<object id>} infra/scripts/grant-graph-permissions.sh" >&2
  exit 0
fi

principal_id="${MANAGED_IDENTITY_PRINCIPAL_ID:-}"
if [[ -z "$principal_id" ]]; then
  echo "MANAGED_IDENTITY_PRINCIPAL_ID is not set: run this after 'azd provision', or set it to the identity's object id." >&2
  exit 1
fi

# Stops here unless the Azure CLI is installed and signed in.
. "$(dirname "$0")/require-azure-cli.sh"

roles="${GRAPH_APP_ROLES:-$DEFAULT_GRAPH_APP_ROLES}"
case "${GRAPH_MAILBOX_ACCESS:-tenant}" in
  tenant) ;;
  exchange-rbac)
    kept=""
    for role in $roles; do
      [[ " $MAILBOX_APP_ROLES " == *" $role "* ]] || kept="$kept $role"
    done
    roles="${kept# }"
    echo "GRAPH_MAILBOX_ACCESS=exchange-rbac: mailbox permissions are left to Exchange Online (restrict-mailboxes.ps1)."
    ;;
  *)
    echo "GRAPH_MAILBOX_ACCESS must be 'tenant' or 'exchange-rbac', not '${GRAPH_MAILBOX_ACCESS}'." >&2
    exit 1
    ;;
esac

# The Graph endpoint of the cloud the CLI is signed in to (graph.microsoft.com in the public cloud).
graph_url="$(az cloud show --query endpoints.microsoftGraphResourceId --output tsv)"
graph_url="${graph_url%/}/v1.0"

graph_sp_id="$(az ad sp show --id "$GRAPH_APP_ID" --query id --output tsv)"

# A new managed identity can take a minute to appear in Microsoft Entra ID.
for attempt in 1 2 3 4 5 6; do
  if az rest --method get --url "$graph_url/servicePrincipals/$principal_id" --output none 2>/dev/null; then
    break
  fi
  if [[ $attempt -eq 6 ]]; then
    echo "Service principal $principal_id was not found in this tenant. Is the CLI signed in to the right tenant?" >&2
    exit 1
  fi
  echo "Waiting for service principal $principal_id to replicate ($attempt/5)..."
  sleep 10
done

existing="$(az rest --method get \
  --url "$graph_url/servicePrincipals/$principal_id/appRoleAssignments?\$top=999" \
  --query "value[?resourceId=='$graph_sp_id'].appRoleId" --output tsv)"

for role in $roles; do
  role_id="$(az ad sp show --id "$GRAPH_APP_ID" \
    --query "appRoles[?value=='$role' && contains(allowedMemberTypes, 'Application')].id | [0]" --output tsv)"
  if [[ -z "$role_id" ]]; then
    echo "Microsoft Graph has no application permission named '$role'." >&2
    exit 1
  fi

  if grep -qx "$role_id" <<<"$existing"; then
    echo "Microsoft Graph $role: already granted."
    continue
  fi

  az rest --method post \
    --url "$graph_url/servicePrincipals/$principal_id/appRoleAssignments" \
    --headers "Content-Type=application/json" \
    --body "{\"principalId\":\"$principal_id\",\"resourceId\":\"$graph_sp_id\",\"appRoleId\":\"$role_id\"}" \
    --output none
  echo "Microsoft Graph $role: granted."
done

echo "Done. Managed identity tokens are cached: new permissions can take up to 24 hours to reach a running app."
