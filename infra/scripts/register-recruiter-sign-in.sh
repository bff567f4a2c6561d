#!/bin/sh
# Makes (or brings up to date) the Microsoft Entra ID app registration recruiters sign in with through App Service
# Authentication, and stores its application (client) id in the azd environment as AUTH_CLIENT_ID, which the next
# `azd provision` gives App Service (infra/app/function-app.bicep, authsettingsV2). The registration is made here, with
# the Azure CLI, because Bicep's Microsoft Graph extension comes from a registry this project does not assume.
#
# What it ensures, changing only what is missing (safe to run again):
#   - a single-tenant registration named "InterviewScheduler (<azd environment>)" (AUTH_APP_DISPLAY_NAME to choose),
#     or the one AUTH_CLIENT_ID already names;
#   - its app role "Recruiter" (allowedMemberTypes User), which the app's recruiter routes require; other roles stay;
#   - the redirect URI https://<app host>/.auth/login/aad/callback, beside any others, and ID token issuance (App
#     Service signs people in with an ID token: no client secret to store);
#   - its service principal (the enterprise application where people are given the role).
#
# Run by `azd provision`/`azd up` as part of the postprovision hook (azure.yaml), with the outputs of main.bicep in the
# environment; or by hand: SERVICE_FUNCTIONS_ENDPOINT=https://<app host> AZURE_ENV_NAME=<name> ./register-recruiter-sign-in.sh
#
# Needs: Azure CLI signed in (`az login`) to the tenant as someone who may register applications (by default every
# member may; otherwise Application Developer) and, to update a registration made by someone else, one of its owners.
# REGISTER_RECRUITER_SIGN_IN=false skips it (when an administrator manages the registration: set AUTH_CLIENT_ID).
#
# Give a person the role afterwards: Entra admin center > Enterprise applications > "InterviewScheduler (...)" >
# Users and groups > Add user/group > role Recruiter (see infra/README.md for the same with az rest).
set -eu

readonly ROLE="Recruiter"

if [ "${REGISTER_RECRUITER_SIGN_IN:-true}" = "false" ]; then
  echo "REGISTER_RECRUITER_SIGN_IN=false: not registering the sign-in app; AUTH_CLIENT_ID=${AUTH_CLIENT_ID:-<unset>} is used as it is."
  exit 0
fi

endpoint="${SERVICE_FUNCTIONS_ENDPOINT:-}"
case "$endpoint" in
  https://?*) ;;
  *)
    echo "SERVICE_FUNCTIONS_ENDPOINT is not https://<host>: run this after 'azd provision', or set it to the app's URL." >&2
    exit 1
    ;;
esac
host="${endpoint#https://}"
host="${host%%/*}"
redirect_uri="https://$host/.auth/login/aad/callback"
display_name="${AUTH_APP_DISPLAY_NAME:-InterviewScheduler (${AZURE_ENV_NAME:-$host})}"

# Stops here unless the Azure CLI is installed and signed in.
. "$(dirname "$0")/require-azure-cli.sh"

# A random version-4 GUID for the role's id, which Entra ID leaves to the caller.
new_guid() {
  od -An -N16 -tx1 /dev/urandom | tr -d ' \n' |
    sed 's/^\(.\{8\}\)\(.\{4\}\).\(.\{3\}\).\(.\{3\}\)\(.\{12\}\)$/\1-\2-4\3-a\4-\5/'
}

# The registration: the one AUTH_CLIENT_ID names, else the one with this name, else a new one.
app_id=""
if [ -n "${AUTH_CLIENT_ID:-}" ]; then
  app_id="$(az ad app show --id "$AUTH_CLIENT_ID" --query appId --output tsv 2>/dev/null || true)"
  [ -n "$app_id" ] || echo "AUTH_CLIENT_ID=$AUTH_CLIENT_ID names no registration in this tenant: looking for '$display_name'."
fi
if [ -z "$app_id" ]; then
  app_id="$(az ad app list --display-name "$display_name" --query "[0].appId" --output tsv)"
fi
if [ -z "$app_id" ]; then
  app_id="$(az ad app create --display-name "$display_name" --sign-in-audience AzureADMyOrg --query appId --output tsv)"
  echo "Registered '$display_name' ($app_id)."
else
  echo "Registration '$display_name': $app_id."
fi

# The Recruiter role, added to the roles the registration has (an update replaces the whole list).
if [ -z "$(az ad app show --id "$app_id" --query "appRoles[?value=='$ROLE'].id | [0]" --output tsv)" ]; then
  role="{\"allowedMemberTypes\":[\"User\"],\"description\":\"Recruiters see applications and book interviews.\",\"displayName\":\"$ROLE\",\"id\":\"$(new_guid)\",\"isEnabled\":true,\"value\":\"$ROLE\"}"
  roles="$(az ad app show --id "$app_id" --query appRoles --output json | tr -d '\n')"
  roles="${roles%]*}"
  case "$roles" in
    *"{"*) roles="$roles,$role]" ;;
    *) roles="[$role]" ;;
  esac
  az ad app update --id "$app_id" --app-roles "$roles" --output none
  echo "App role $ROLE: added."
else
  echo "App role $ROLE: present."
fi

# The redirect URI App Service's sign-in returns to, beside any the registration already has.
uris="$(az ad app show --id "$app_id" --query "web.redirectUris" --output tsv)"
id_tokens="$(az ad app show --id "$app_id" --query "web.implicitGrantSettings.enableIdTokenIssuance" --output tsv)"
if printf '%s\n' "$uris" | grep -qxF "$redirect_uri" && [ "$id_tokens" = "true" ]; then
  echo "Redirect URI $redirect_uri: present."
else
  printf '%s\n' "$uris" | grep -qxF "$redirect_uri" || uris="$(printf '%s\n%s' "$uris" "$redirect_uri")"
  # One argument per URI (they hold no spaces); word splitting on new lines is meant here.
  # shellcheck disable=SC2086
  az ad app update --id "$app_id" --web-redirect-uris $uris --enable-id-token-issuance true --output none
  echo "Redirect URI $redirect_uri: set, with ID token issuance."
fi

# The enterprise application, where people are given the role.
if az ad sp show --id "$app_id" --query id --output tsv >/dev/null 2>&1; then
  echo "Enterprise application: present."
else
  az ad sp create --id "$app_id" --query id --output tsv >/dev/null
  echo "Enterprise application: created."
fi

if [ "${AUTH_CLIENT_ID:-}" = "$app_id" ]; then
  echo "AUTH_CLIENT_ID is up to date."
else
  if ! command -v azd >/dev/null 2>&1; then
    echo "Set AUTH_CLIENT_ID=$app_id for the next provision (azd env set AUTH_CLIENT_ID $app_id)." >&2
    exit 1
  fi
  azd env set AUTH_CLIENT_ID "$app_id" >/dev/null
  echo "Stored AUTH_CLIENT_ID=$app_id in the azd environment: run 'azd provision' once more to turn sign-in on."
fi
