// InterviewScheduler in one resource group: a Flex Consumption Function App (.NET 10 isolated worker), its storage
// (queues, tables, deployment package), a user-assigned identity, a Key Vault with the app's secrets, and Application
// Insights on Log Analytics.
// Deployed by `azd up`; Microsoft Graph permissions are granted afterwards by scripts/grant-graph-permissions.sh.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; seeds the resource group name and the unique suffix of every resource.')
@metadata({
  example: 'interviews-dev'
})
param environmentName string

@minLength(1)
@description('Region for every resource. It must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
  example: 'swedencentral'
})
param location string

@description('Mailbox that sends acknowledgments to candidates (app setting Mail__SenderMailbox), e.g. recruiting@contoso.com.')
@metadata({
  example: 'recruiting@contoso.com'
})
param senderMailbox string

@description('Mailbox that organizes interview and debrief events and so sends their invites (app setting Scheduling__OrganizerMailbox).')
@metadata({
  example: 'interviews@contoso.com'
})
param organizerMailbox string

@description('Microsoft Graph endpoint including the version segment (app setting Graph__BaseUrl).')
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

@secure()
@description('HMAC secret the intake webhook verifies requests with. Stored in the deployment\'s Key Vault; app setting Intake__SigningSecret references it. Leave empty when intakeSigningSecretUri is set, or until intake signing is used.')
param intakeSigningSecret string = ''

@description('Secret URI in a Key Vault of your own holding the intake HMAC secret; when set, Intake__SigningSecret references it instead. The identity needs "Key Vault Secrets User" on that vault.')
param intakeSigningSecretUri string = ''

@secure()
@description('Secret key of the Greenhouse web hook, as entered in Greenhouse (16 characters or more). Stored in the deployment\'s Key Vault; app setting Intake__Greenhouse__SecretKey references it. Leave empty when greenhouseSecretUri is set, or while Greenhouse is not used: POST /api/intake/greenhouse then answers 503.')
param greenhouseSecretKey string = ''

@description('Secret URI in a Key Vault of your own holding the Greenhouse secret key; when set, Intake__Greenhouse__SecretKey references it instead. The identity needs "Key Vault Secrets User" on that vault.')
param greenhouseSecretUri string = ''

// Like the client state below: made once by the preprovision hook, because a new key voids every link already sent.
@secure()
@maxLength(256)
@description('HMAC-SHA256 key of candidates\' self-scheduling links, 32 characters or more, the same on every provision (the preprovision hook stores one in the azd environment). Stored in the deployment\'s Key Vault; app setting SelfScheduling__SigningKey references it. Empty (and no selfSchedulingSigningKeyUri): self-scheduling answers 503.')
@metadata({ example: 'example-self-scheduling-signing-key-0123456789abcdef' })
param selfSchedulingSigningKey string = ''

@description('Secret URI in a Key Vault of your own holding the self-scheduling signing key; when set, SelfScheduling__SigningKey references it instead. The identity needs "Key Vault Secrets User" on that vault.')
param selfSchedulingSigningKeyUri string = ''

@minValue(1)
@maxValue(1000)
@description('Acknowledgments one email address receives per UTC day; later new applications for it are stored without one (app setting Intake__MaxPerRecipientPerDay).')
param intakeMaxPerRecipientPerDay int = 3

@description('Comma-separated domains a recruiterEmail may be in (app setting Intake__RecruiterDomains); empty for the domains of the sender, organizer and recruiter mailboxes.')
param intakeRecruiterDomains string = ''

@minValue(15)
@maxValue(240)
@description('Length of the debrief booked after a candidate\'s last interview, in minutes (app setting Debrief__DurationMinutes).')
param debriefDurationMinutes int = 30

@description('Recruiter invited to every debrief (app setting Debrief__RecruiterMailbox); empty for none.')
param debriefRecruiterMailbox string = ''

@description('NCRONTAB schedule of the calendar reconciliation that catches changes notifications missed (app setting Debrief__ReconcileSchedule).')
param debriefReconcileSchedule string = '0 */15 * * * *'

// No newGuid() default: a new secret on every provision would make Graph's existing subscription send one the app
// rejects. The azd preprovision hook (scripts/ensure-generated-secrets.sh) stores a value in the environment once.
@secure()
@maxLength(128)
@description('Secret Graph echoes in every change notification, 16 to 128 characters; the same on every provision of an environment. Stored in the deployment\'s Key Vault; app setting Notifications__ClientState references it. Leave empty when notificationClientStateUri is set; one of the two is required.')
@metadata({ example: 'example-client-state-0123456789' })
param notificationClientState string = ''

@description('Secret URI in a Key Vault of your own holding the notification client state; when set, Notifications__ClientState references it instead. The identity needs "Key Vault Secrets User" on that vault.')
param notificationClientStateUri string = ''

@description('Application (client) id of the Entra ID app registration recruiters sign in with (azd: AUTH_CLIENT_ID). The postprovision hook scripts/register-recruiter-sign-in.sh makes the registration and stores its id; until the next provision uses it, nobody can sign in.')
param authClientId string = ''

@description('Purge protection on the Key Vault: its secrets can be recovered for 90 days after deletion and cannot be purged sooner. Set false only for throwaway environments (azd down --purge then removes the vault at once).')
param keyVaultPurgeProtection bool = true

@minValue(1)
@maxValue(1000)
@description('Most instances the Flex Consumption plan scales the app out to.')
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
@description('Memory of each Flex Consumption instance, in MB.')
param instanceMemoryMB int = 2048

@minValue(30)
@maxValue(730)
@description('Days Log Analytics keeps logs.')
param logRetentionInDays int = 30

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-interviews-${resourceToken}'
var identityName = 'id-interviews-${resourceToken}'
var storageAccountName = 'stinterviews${resourceToken}'
var applicationInsightsName = 'appi-interviews-${resourceToken}'
var keyVaultName = 'kv-hiring-${resourceToken}' // 3 to 24 characters

// The secrets in the deployment's Key Vault (app/key-vault.bicep). App settings reference them without a version:
// App Service uses the latest version, refetched within 24 hours or when the app restarts.
var secretNames = {
  notificationClientState: 'notification-client-state'
  selfSchedulingSigningKey: 'self-scheduling-signing-key'
  greenhouseSecretKey: 'greenhouse-secret-key'
  intakeSigningSecret: 'intake-signing-secret'
}
var keyVaultSecretsUri = 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/secrets'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: storageAccountName
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${resourceToken}'
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-interviews-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module keyVault 'app/key-vault.bicep' = {
  name: 'key-vault'
  scope: resourceGroup
  params: {
    name: keyVaultName
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
    secretNames: secretNames
    // A secret that comes from the operator's own vault is not copied here.
    notificationClientState: empty(notificationClientStateUri) ? notificationClientState : ''
    selfSchedulingSigningKey: empty(selfSchedulingSigningKeyUri) ? selfSchedulingSigningKey : ''
    greenhouseSecretKey: empty(greenhouseSecretUri) ? greenhouseSecretKey : ''
    intakeSigningSecret: empty(intakeSigningSecretUri) ? intakeSigningSecret : ''
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: resourceGroup
  params: {
    identityName: identityName
    storageAccountName: storageAccountName
    blobContainerNames: storage.outputs.hostContainerNames
    applicationInsightsName: applicationInsightsName
    keyVaultName: keyVaultName
  }
  // Names are passed, not outputs, so that What-If can predict the assignments: wait for the resources explicitly.
  dependsOn: [
    identity
    monitoring
    keyVault
  ]
}

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  scope: resourceGroup
  params: {
    name: functionAppName
    planName: 'plan-interviews-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'functions'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storageAccountName
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    graphBaseUrl: graphBaseUrl
    senderMailbox: senderMailbox
    organizerMailbox: organizerMailbox
    // Each secret: the operator's own vault (...Uri) wins, else the deployment's vault when a value is given, else none.
    // Whether a secret is in the deployment's vault, never its value: the Function App module sees no secret.
    intakeSigningSecretUri: intakeSigningSecretUri
    intakeSigningVaultSecretUri: '${keyVaultSecretsUri}/${secretNames.intakeSigningSecret}'
    intakeSigningSecretInVault: !empty(intakeSigningSecret)
    greenhouseSecretUri: greenhouseSecretUri
    greenhouseVaultSecretUri: '${keyVaultSecretsUri}/${secretNames.greenhouseSecretKey}'
    greenhouseSecretInVault: !empty(greenhouseSecretKey)
    selfSchedulingSigningKeyUri: selfSchedulingSigningKeyUri
    selfSchedulingVaultSecretUri: '${keyVaultSecretsUri}/${secretNames.selfSchedulingSigningKey}'
    selfSchedulingSigningKeyInVault: !empty(selfSchedulingSigningKey)
    intakeMaxPerRecipientPerDay: intakeMaxPerRecipientPerDay
    intakeRecruiterDomains: intakeRecruiterDomains
    debriefRecruiterMailbox: debriefRecruiterMailbox
    debriefReconcileSchedule: debriefReconcileSchedule
    notificationClientStateUri: notificationClientStateUri
    notificationClientStateVaultSecretUri: '${keyVaultSecretsUri}/${secretNames.notificationClientState}'
    notificationClientStateInVault: !empty(notificationClientState)
    debriefDurationMinutes: debriefDurationMinutes
    authClientId: authClientId
  }
  // The app starts reading queues, tables and its secrets as soon as it exists: grant its identity access first
  // (rbac waits for the vault and its secrets).
  dependsOn: [
    rbac
  ]
}

// Read by azd (azd env get-values) and by scripts/grant-graph-permissions.sh.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_FUNCTIONS_ENDPOINT string = functionApp.outputs.uri
output NOTIFICATIONS_PUBLIC_URL string = functionApp.outputs.notificationsPublicUrl
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output KEY_VAULT_NAME string = keyVaultName
