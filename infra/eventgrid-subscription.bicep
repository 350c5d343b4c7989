// Post-deploy step (infra/hooks/postdeploy.sh): subscribes the blob extension's webhook of the function app to
// BlobCreated events of the articles container. Run after the code is deployed, when the system key exists.
targetScope = 'resourceGroup'

@description('Event Grid system topic of the storage account (output EVENT_GRID_SYSTEM_TOPIC_NAME).')
param systemTopicName string

@description('Function app name (output AZURE_FUNCTION_APP_NAME).')
param functionAppName string

@description('The host\'s blobs_extension system key: az functionapp keys list -n <app> -g <group> --query systemKeys.blobs_extension')
@secure()
param blobsExtensionKey string

@description('Container whose new blobs trigger processing.')
param articlesContainerName string = 'articles'

@description('The Event Grid blob trigger function in the app.')
param functionName string = 'ProcessArticleFromEventGrid'

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'articles-blob-created'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/${articlesContainerName}/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}
