#!/bin/sh
# Gives each intake function a function key of its own, so that an ATS or a careers site is handed a key that opens
# its one route and nothing else: never the host's default key or its _master key, which open every function (and
# the host's admin API).
#   SubmitApplicationFunction (POST /api/applications)      key "intake"
#   GreenhouseWebhookFunction (POST /api/intake/greenhouse) key "greenhouse"
# The other routes take no function key: recruiter routes sign in with Entra ID, candidate routes carry their signed
# link, Graph's notification routes carry the client state.
#
# Run by `azd deploy`/`azd up` as the postdeploy hook (azure.yaml): function keys exist only once the functions are
# deployed. A key that already exists is kept (the callers hold it); a missing one is made by the Functions host
# (random). It never prints a key. Read one with
#   az functionapp function keys list -g <resource group> -n <app> --function-name SubmitApplicationFunction --query intake -o tsv
# Rotate one with `az functionapp function keys set ... --key-name intake` (a new random value), then update its caller.
#
# Needs: Azure CLI signed in (`az login`) with rights to the Function App (Website Contributor or more).
set -eu

group="${AZURE_RESOURCE_GROUP:-}"
app="${AZURE_FUNCTION_APP_NAME:-}"
if [ -z "$group" ] || [ -z "$app" ]; then
  echo "AZURE_RESOURCE_GROUP and AZURE_FUNCTION_APP_NAME are not set: run this after 'azd provision' (azd passes them)." >&2
  exit 1
fi

# Stops here unless the Azure CLI is installed and signed in.
. "$(dirname "$0")/require-azure-cli.sh"

# ensure_key FUNCTION KEY: keeps FUNCTION's key named KEY, or makes one. A failed read stops the script instead of
# making a new key, which would replace the value a caller holds.
ensure_key() {
  existing="$(az functionapp function keys list --resource-group "$group" --name "$app" --function-name "$1" --query "$2" --output tsv)"
  if [ -n "$existing" ]; then
    echo "$1: function key '$2' exists: keeping it."
    return 0
  fi

  az functionapp function keys set --resource-group "$group" --name "$app" --function-name "$1" --key-name "$2" --output none
  echo "$1: made function key '$2' (read it with: az functionapp function keys list -g $group -n $app --function-name $1 --query $2 -o tsv)."
}

ensure_key SubmitApplicationFunction intake
ensure_key GreenhouseWebhookFunction greenhouse
