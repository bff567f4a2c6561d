// The storage account behind AzureWebJobsStorage: the app's queues and tables, the Functions host's own containers,
// and the container Flex Consumption deploys the app package from. Keys are disabled: every caller uses Entra ID.
param name string
param location string
param tags object

@description('Blob container the deployment package is uploaded to.')
param deploymentContainerName string

// The Functions host keeps function keys and timer/singleton leases here. Creating them now lets the app's blob role
// be scoped to named containers instead of the whole account.
var functionsHostContainerNames = [
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
]

// Queues the app triggers on, each with the poison queue the host moves a message to after maxDequeueCount attempts.
var queueNames = [
  'acknowledgments'
  'acknowledgments-poison'
  'calendar-changes'
  'calendar-changes-poison'
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    dnsEndpointType: 'Standard'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource containers 'containers' = [for containerName in concat([deploymentContainerName], functionsHostContainerNames): {
      name: containerName
      properties: {
        publicAccess: 'None'
      }
    }]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource queues 'queues' = [for queueName in queueNames: {
      name: queueName
    }]
  }

  resource tableService 'tableServices' = {
    name: 'default'
  }
}

output name string = account.name
output deploymentContainerName string = deploymentContainerName
@description('Every blob container the app\'s identity needs: the deployment package and the Functions host\'s own.')
output hostContainerNames string[] = concat([deploymentContainerName], functionsHostContainerNames)
