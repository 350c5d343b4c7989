// Storage for articles (blob container), results (tables), the blob trigger's receipts and poison queue, the queue of
// deleted-article events, and the deployment package. Only Entra ID access: shared keys are off, so no connection string can reach it.

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

var articlesContainerName = 'articles'
var deploymentContainerName = 'app-package'
var tableNames = ['articles', 'articleentities', 'articlequotes', 'entityarticles', 'speakerquotes', 'entities', 'entitynames', 'catalogversion']
// Event Grid delivers the articles container's BlobDeleted events here; the RemoveDeletedArticle function reads it.
var deletionsQueueName = 'article-deletions'

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
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }

  resource blobs 'blobServices' = {
    name: 'default'

    resource articles 'containers' = {
      name: articlesContainerName
    }

    resource texts 'containers' = {
      name: 'article-texts'
    }

    resource deployment 'containers' = {
      name: deploymentContainerName
    }
  }

  resource tableService 'tableServices' = {
    name: 'default'
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource deletions 'queues' = {
      name: deletionsQueueName
    }
  }
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tableNames: {
  parent: account::tableService
  name: table
}]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output articlesContainerName string = articlesContainerName
output deploymentContainerName string = deploymentContainerName
output deletionsQueueName string = account::queueService::deletions.name
