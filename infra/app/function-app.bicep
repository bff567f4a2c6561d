// The Flex Consumption plan and the Function App (.NET 10 isolated worker). Every setting the app reads at start-up
// is set here, identity-based: no keys or connection strings with secrets, and every secret a Key Vault reference.
param name string
param planName string
param location string
param tags object

@description('Service name in azure.yaml; azd finds the app to deploy to by the azd-service-name tag.')
param serviceName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity, which the app and the Functions host pass to Entra ID.')
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsConnectionString string
param maximumInstanceCount int
param instanceMemoryMB int
param graphBaseUrl string
param senderMailbox string
param organizerMailbox string

// The app's secrets, each a Key Vault reference: to a vault of the operator's own (...Uri) when given, else to the
// deployment's vault (...VaultSecretUri) when the secret is stored there (...InVault), else none (''). No secret value
// reaches this module.
@description('Secret URI of the intake HMAC secret in a vault of the operator\'s own, or empty.')
param intakeSigningSecretUri string
param intakeSigningVaultSecretUri string
@description('No secret anywhere: no signature is needed on applications.')
param intakeSigningSecretInVault bool
@description('Secret URI of the Greenhouse web hook\'s secret key in a vault of the operator\'s own, or empty.')
param greenhouseSecretUri string
param greenhouseVaultSecretUri string
@description('No secret anywhere: the Greenhouse route answers 503.')
param greenhouseSecretInVault bool
@description('Secret URI of the self-scheduling link signing key in a vault of the operator\'s own, or empty.')
param selfSchedulingSigningKeyUri string
param selfSchedulingVaultSecretUri string
@description('No secret anywhere: self-scheduling answers 503.')
param selfSchedulingSigningKeyInVault bool
param intakeMaxPerRecipientPerDay int
param intakeRecruiterDomains string
param debriefDurationMinutes int
param debriefRecruiterMailbox string
param debriefReconcileSchedule string
@description('Secret URI of the notification client state in a vault of the operator\'s own, or empty.')
param notificationClientStateUri string
param notificationClientStateVaultSecretUri string
@description('One of the two is required: the app does not start without a client state.')
param notificationClientStateInVault bool

@description('Application (client) id of the app registration recruiters sign in with; empty until scripts/register-recruiter-sign-in.sh has made it.')
param authClientId string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

// Built from the account name (not read back from the account) so that the settings are known before deployment.
var storageSuffix = environment().suffixes.storage
var blobServiceUri = 'https://${account.name}.blob.${storageSuffix}'

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': serviceName
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    clientCertEnabled: false
    // TLS 1.2 or later for the app and its SCM (Kudu) site; no FTP at all (deployment is azd's One Deploy with Entra ID).
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      remoteDebuggingEnabled: false
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobServiceUri}/${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// No publishing with user name and password on the SCM (Kudu) or FTP endpoints: deployments authenticate with
// Microsoft Entra ID. https://learn.microsoft.com/azure/app-service/configure-basic-auth-disable
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

// A separate settings resource (not siteConfig.appSettings) so that the notification URL can use the host name
// Azure gives the app. It replaces the whole set: every setting the app needs is listed here.
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // Host and app storage through the identity (StorageAccount.FromConfiguration reads the same settings).
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: blobServiceUri
    AzureWebJobsStorage__queueServiceUri: 'https://${account.name}.queue.${storageSuffix}'
    AzureWebJobsStorage__tableServiceUri: 'https://${account.name}.table.${storageSuffix}'

    // Telemetry with Entra auth, since the Application Insights resource has local auth disabled.
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

    // Microsoft Graph with the identity's application permissions.
    Graph__BaseUrl: graphBaseUrl
    Graph__Auth: 'ManagedIdentity'
    Graph__ClientId: identityClientId

    Mail__SenderMailbox: senderMailbox
    Scheduling__OrganizerMailbox: organizerMailbox
    // Secrets are Key Vault references ('' where a secret is not set), resolved by App Service with the identity
    // keyVaultReferenceIdentity names: https://learn.microsoft.com/azure/app-service/app-service-key-vault-references
    Intake__SigningSecret: !empty(intakeSigningSecretUri) ? '@Microsoft.KeyVault(SecretUri=${intakeSigningSecretUri})' : intakeSigningSecretInVault ? '@Microsoft.KeyVault(SecretUri=${intakeSigningVaultSecretUri})' : ''
    Intake__Greenhouse__SecretKey: !empty(greenhouseSecretUri) ? '@Microsoft.KeyVault(SecretUri=${greenhouseSecretUri})' : greenhouseSecretInVault ? '@Microsoft.KeyVault(SecretUri=${greenhouseVaultSecretUri})' : ''
    Intake__MaxPerRecipientPerDay: string(intakeMaxPerRecipientPerDay)
    Intake__RecruiterDomains: intakeRecruiterDomains
    Debrief__DurationMinutes: string(debriefDurationMinutes)
    Debrief__RecruiterMailbox: debriefRecruiterMailbox
    Debrief__ReconcileSchedule: debriefReconcileSchedule

    // Graph change notifications for the organizer's calendar are delivered here; each must carry the client state.
    // Without one the app would not start: fail the deployment instead, saying what to set.
    Notifications__PublicUrl: 'https://${site.properties.defaultHostName}/api/notifications/calendar'
    Notifications__ClientState: !empty(notificationClientStateUri)
      ? '@Microsoft.KeyVault(SecretUri=${notificationClientStateUri})'
      : notificationClientStateInVault
          ? '@Microsoft.KeyVault(SecretUri=${notificationClientStateVaultSecretUri})'
          : fail('Neither notificationClientState nor notificationClientStateUri is set. azd sets NOTIFICATION_CLIENT_STATE in its preprovision hook (infra/scripts/ensure-generated-secrets.sh); run it, or set NOTIFICATION_CLIENT_STATE or NOTIFICATION_CLIENT_STATE_URI, then provision again.')

    // Candidates' self-scheduling links are signed with this key.
    SelfScheduling__SigningKey: !empty(selfSchedulingSigningKeyUri) ? '@Microsoft.KeyVault(SecretUri=${selfSchedulingSigningKeyUri})' : selfSchedulingSigningKeyInVault ? '@Microsoft.KeyVault(SecretUri=${selfSchedulingVaultSecretUri})' : ''
  }
}

// App Service Authentication signs people in with Microsoft Entra ID in front of the app and passes who they are as the
// X-MS-CLIENT-PRINCIPAL header (removing that header from requests that bring it). It lets every request through
// (AllowAnonymous): excludedPaths cannot tell GET /api/applications (the recruiter's list) from POST (intake, with
// the function key) on the same path, so the app decides. RecruiterAccess answers 401 without a sign-in and 403
// without the app role Recruiter on every recruiter route; the pages hold no data and send a 401 to /.auth/login/aad.
// Until the post-provision hook has made the app registration (authClientId empty) nobody can sign in.
// https://learn.microsoft.com/azure/app-service/configure-authentication-provider-aad
resource authentication 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
      redirectToProvider: 'azureactivedirectory'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: !empty(authClientId)
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false // the app reads the principal header; it calls no API on the user's behalf
      }
    }
    httpSettings: {
      requireHttps: true
    }
  }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
output notificationsPublicUrl string = 'https://${site.properties.defaultHostName}/api/notifications/calendar'
