// The Event Grid system topic for the storage account, and what it delivers:
// - BlobDeleted events of the articles container go to a Storage queue, which the RemoveDeletedArticle function reads
//   (the worker's Event Grid trigger is not needed: a queue trigger works the same in Azure and locally). The topic
//   delivers them with its own identity, which may only send messages to that queue.
// - BlobCreated events go to the function's blob webhook, subscribed after the code is deployed
//   (eventgrid-subscription.bicep), because the webhook needs the host's blobs_extension key.

@description('System topic name.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

@description('Storage account whose blob events are published.')
param storageAccountName string

@description('Container whose deleted blobs retract their articles.')
param articlesContainerName string

@description('Queue the deleted-article events go to.')
param deletionsQueueName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource queueService 'queueServices' existing = {
    name: 'default'

    resource deletions 'queues' existing = {
      name: deletionsQueueName
    }
  }
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// Storage Queue Data Message Sender, on the deletions queue only: the topic delivers with its identity, since the account
// takes no shared keys.
var queueMessageSender = 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'

resource topicSendsDeletions 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::queueService::deletions.id, topic.id, queueMessageSender)
  scope: storage::queueService::deletions
  properties: {
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueMessageSender)
  }
}

resource deletions 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: '${articlesContainerName}-blob-deleted'
  properties: {
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: deletionsQueueName
          queueMessageTimeToLiveInSeconds: -1 // kept until read: a deletion must not expire unprocessed
        }
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobDeleted']
      subjectBeginsWith: '/blobServices/default/containers/${articlesContainerName}/blobs/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
  dependsOn: [topicSendsDeletions]
}

output name string = topic.name
