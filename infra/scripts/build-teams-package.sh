#!/bin/sh
# Builds the Teams app package of the recruiter workspace: infra/teams/manifest.json with its placeholders filled in,
# and the two icons, zipped flat as Teams expects. Upload the zip in Teams (Apps > Manage your apps > Upload an app)
# or, for the whole organization, in the Teams admin center (Teams apps > Manage apps > Upload new app).
#
#   SERVICE_FUNCTIONS_ENDPOINT=https://<app host> TEAMS_APP_ID=<guid> ./infra/scripts/build-teams-package.sh [out.zip]
#
# Placeholders: {{host}}, the app's host name (from SERVICE_FUNCTIONS_ENDPOINT, an output of main.bicep), and
# {{appId}}, the Teams app's id: TEAMS_APP_ID, else the sign-in registration's AUTH_CLIENT_ID (any GUID that stays the
# same for the app will do). With azd, the values come from `azd env get-values` when they are not in the environment.
# The package goes to the path given, else infra/teams/build/interview-scheduler-teams.zip.
set -eu

here="$(cd "$(dirname "$0")" && pwd)"
teams="$here/../teams"
out="${1:-$teams/build/interview-scheduler-teams.zip}"

# A value from the environment, else from azd's environment (when the script is run by hand).
setting() {
  eval "value=\${$1:-}"
  if [ -z "$value" ] && command -v azd >/dev/null 2>&1; then
    value="$(azd env get-values 2>/dev/null | sed -n "s/^$1=\"\\(.*\\)\"\$/\\1/p" | tail -n 1)"
  fi
  printf '%s' "$value"
}

endpoint="$(setting SERVICE_FUNCTIONS_ENDPOINT)"
host="${endpoint#https://}"
host="${host%%/*}"
case "$endpoint" in
  https://*) ;;
  *) host="" ;;
esac
case "$host" in
  "" | *[!A-Za-z0-9.-]*)
    echo "SERVICE_FUNCTIONS_ENDPOINT must be https://<app host> (after 'azd provision' azd has it)." >&2
    exit 1
    ;;
esac

app_id="$(setting TEAMS_APP_ID)"
[ -n "$app_id" ] || app_id="$(setting AUTH_CLIENT_ID)"
if ! printf '%s' "$app_id" | grep -Eqx '[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}'; then
  echo "Set TEAMS_APP_ID to a GUID for the Teams app (or provision so that AUTH_CLIENT_ID is set)." >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed -e "s/{{host}}/$host/g" -e "s/{{appId}}/$app_id/g" "$teams/manifest.json" > "$work/manifest.json"
if grep -q '{{' "$work/manifest.json"; then
  echo "manifest.json has a placeholder this script does not fill in:" >&2
  grep -n '{{' "$work/manifest.json" >&2
  exit 1
fi
cp "$teams/color.png" "$teams/outline.png" "$work/"

mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
rm -f "$out"
# The three files at the root of the zip, as Teams requires.
if command -v zip >/dev/null 2>&1; then
  (cd "$work" && zip -q -X "$out" manifest.json color.png outline.png)
elif command -v python3 >/dev/null 2>&1; then
  (cd "$work" && python3 -m zipfile -c "$out" manifest.json color.png outline.png)
else
  echo "Neither zip nor python3 is installed: one is needed to build the package." >&2
  exit 1
fi
echo "Teams app package: $out (tab: https://$host/api/ui/, app id $app_id)"
