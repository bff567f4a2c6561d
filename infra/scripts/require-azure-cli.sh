# Sourced (`. require-azure-cli.sh`) by the scripts that call the Azure CLI: stops the script unless az is installed
# and signed in. POSIX sh, so that both the sh and the bash scripts can source it.
if ! command -v az >/dev/null 2>&1; then
  echo "The Azure CLI (az) is required: https://learn.microsoft.com/cli/azure/install-azure-cli" >&2
  exit 1
fi

if ! az account show --output none 2>/dev/null; then
  echo "The Azure CLI is not signed in: run 'az login --tenant <your Microsoft 365 tenant>' and try again." >&2
  exit 1
fi
