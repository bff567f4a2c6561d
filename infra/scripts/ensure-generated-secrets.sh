#!/bin/sh
# Gives the azd environment the secrets the service generates itself, once, so that every later `azd provision` deploys
# the same values (main.bicep stores them in the deployment's Key Vault; the app settings are Key Vault references):
#   NOTIFICATION_CLIENT_STATE   Graph echoes it in every change notification and the app drops notifications whose
#                               client state differs from Notifications__ClientState: a new value on each provision
#                               would make Graph's existing subscription send a secret the app no longer accepts.
#   SELF_SCHEDULING_SIGNING_KEY signs candidates' self-scheduling links (SelfScheduling__SigningKey): a new key voids
#                               every link already sent.
#
# Run by `azd provision`/`azd up` as the preprovision hook (azure.yaml), with the azd environment's values in the
# environment. For each secret it does nothing when the environment already has it, or its ..._URI (a secret in a Key
# Vault of your own, used as the Key Vault reference instead); otherwise it stores 32 random bytes, hex-encoded, with
# `azd env set`. It never prints a value. The values live in the azd environment (.azure/<environment>/.env, which
# azd keeps out of git) and in the Key Vault, never in the repository.
#
# To rotate a secret deliberately, clear it (the next provision makes a new one) or set a new value, and provision:
#   azd env set NOTIFICATION_CLIENT_STATE "" && azd provision
set -eu

# The value azd holds for a name: from the environment azd passes to hooks, else from `azd env get-values` (when the
# script is run by hand), so that a run outside azd does not replace a value the environment already has.
azd_value() {
  eval "value=\${$1:-}"
  if [ -z "$value" ] && command -v azd >/dev/null 2>&1; then
    value="$(azd env get-values 2>/dev/null | sed -n "s/^$1=\"\\(.*\\)\"\$/\\1/p" | tail -n 1)"
  fi
  printf '%s' "$value"
}

# ensure NAME: keeps NAME or NAME_URI, else stores a new random value as NAME.
ensure() {
  name="$1"
  uri_name="${1}_URI"
  if [ -n "$(azd_value "$uri_name")" ]; then
    echo "$uri_name is set: $name comes from that Key Vault secret."
    return 0
  fi

  if [ -n "$(azd_value "$name")" ]; then
    echo "$name is set: keeping it."
    return 0
  fi

  if ! command -v azd >/dev/null 2>&1; then
    echo "The Azure Developer CLI (azd) is required to store $name: https://aka.ms/azd" >&2
    exit 1
  fi

  if [ ! -r /dev/urandom ]; then
    echo "/dev/urandom is not readable: set $name yourself (azd env set $name <a long random value>)." >&2
    exit 1
  fi

  # 32 random bytes as 64 hex characters: within Graph's 128-character limit for a client state, above the app's
  # minimums (16 for the client state, 32 for the signing key).
  value="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
  if [ "${#value}" -ne 64 ]; then
    echo "Could not read 32 random bytes from /dev/urandom." >&2
    exit 1
  fi

  azd env set "$name" "$value" >/dev/null
  echo "$name was not set: stored a new random value in the azd environment; later provisions reuse it."
}

ensure NOTIFICATION_CLIENT_STATE
ensure SELF_SCHEDULING_SIGNING_KEY
