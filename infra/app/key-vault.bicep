// The Key Vault holding the app's secrets. App settings name them as Key Vault references
// (@Microsoft.KeyVault(SecretUri=...)), so no secret is an app setting value, and the app's identity may only read
// them ("Key Vault Secrets User" on this vault, app/rbac.bicep). Access is Azure RBAC, not access policies.
// https://learn.microsoft.com/azure/app-service/app-service-key-vault-references
param name string
param location string
param tags object

@description('Purge protection: a deleted vault and its secrets can be recovered, and purged only after the retention period.')
param enablePurgeProtection bool

@description('Names of the secrets, by the setting they serve (main.bicep secretNames).')
param secretNames {
  notificationClientState: string
  selfSchedulingSigningKey: string
  greenhouseSecretKey: string
  intakeSigningSecret: string
}

// Each secret is written only when it has a value: an empty one leaves its feature off, or its setting to a vault the
// operator owns. The preprovision hook keeps the generated ones the same on every provision.
@secure()
param notificationClientState string
@secure()
param selfSchedulingSigningKey string
@secure()
param greenhouseSecretKey string
@secure()
param intakeSigningSecret string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Key Vault refuses an explicit false: leave the property out to keep purging possible.
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    // App Service resolves the references from outside any virtual network (Flex Consumption without VNet integration).
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource clientStateSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(notificationClientState)) {
  parent: vault
  name: secretNames.notificationClientState
  properties: {
    value: notificationClientState
  }
}

resource signingKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(selfSchedulingSigningKey)) {
  parent: vault
  name: secretNames.selfSchedulingSigningKey
  properties: {
    value: selfSchedulingSigningKey
  }
}

resource greenhouseSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(greenhouseSecretKey)) {
  parent: vault
  name: secretNames.greenhouseSecretKey
  properties: {
    value: greenhouseSecretKey
  }
}

resource intakeSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(intakeSigningSecret)) {
  parent: vault
  name: secretNames.intakeSigningSecret
  properties: {
    value: intakeSigningSecret
  }
}

output name string = vault.name
