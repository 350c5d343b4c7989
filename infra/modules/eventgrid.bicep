// The Event Grid system topic for the storage account. Its subscription to the function's blob webhook is made after
// the code is deployed (eventgrid-subscription.bicep), because the webhook needs the host's blobs_extension key.

@description('System topic name.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

@description('Storage account whose blob events are published.')
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
