#!/bin/sh
# Gives the azd environment a notification client state once, so that every later `azd provision` deploys the same
# secret. Graph echoes the client state in every change notification and the app drops notifications whose client
# state differs from its setting (Notifications__ClientState): a new value on each provision would make Graph's
# existing subscription send a secret the app no longer accepts until the subscription is replaced.
#
# Run by `azd provision`/`azd up` as the preprovision hook (azure.yaml), with the azd environment's values in the
# environment. It does nothing when the environment already has NOTIFICATION_CLIENT_STATE, or
# NOTIFICATION_CLIENT_STATE_URI (a Key Vault secret URI, used as a Key Vault reference instead); otherwise it stores 32
# random bytes, hex-encoded, with `azd env set`. It never prints the value.
#
# To rotate the secret deliberately, set a new value (or clear it so that the next provision makes one) and provision:
#   azd env set NOTIFICATION_CLIENT_STATE "" && azd provision
set -eu

readonly NAME="NOTIFICATION_CLIENT_STATE"
readonly URI_NAME="NOTIFICATION_CLIENT_STATE_URI"

# The value azd holds for a name: from the environment azd passes to hooks, else from `azd env get-values` (when the
# script is run by hand), so that a run outside azd does not replace a value the environment already has.
azd_value() {
  eval "value=\${$1:-}"
  if [ -z "$value" ] && command -v azd >/dev/null 2>&1; then
    value="$(azd env get-values 2>/dev/null | sed -n "s/^$1=\"\\(.*\\)\"\$/\\1/p" | tail -n 1)"
  fi
  printf '%s' "$value"
}

if [ -n "$(azd_value "$URI_NAME")" ]; then
  echo "$URI_NAME is set: the notification client state comes from Key Vault."
  exit 0
fi

if [ -n "$(azd_value "$NAME")" ]; then
  echo "$NAME is set: keeping it."
  exit 0
fi

if ! command -v azd >/dev/null 2>&1; then
  echo "The Azure Developer CLI (azd) is required to store $NAME: https://aka.ms/azd" >&2
  exit 1
fi

if [ ! -r /dev/urandom ]; then
  echo "/dev/urandom is not readable: set $NAME yourself (azd env set $NAME <16 to 128 characters>)." >&2
  exit 1
fi

# 32 random bytes as 64 hex characters: within Graph's 128-character limit and above the app's 16-character minimum.
value="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
if [ "${#value}" -ne 64 ]; then
  echo "Could not read 32 random bytes from /dev/urandom." >&2
  exit 1
fi

azd env set "$NAME" "$value" >/dev/null
echo "$NAME was not set: stored a new random value in the azd environment; later provisions reuse it."
