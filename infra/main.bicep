// The news pipeline on Azure Functions (Flex Consumption): storage for articles and results, the function app,
// monitoring, the identity it runs as, and the Event Grid system topic that drives its blob trigger and deletions.
// Deploy with `azd up`, or `az deployment group create -g <group> -f infra/main.bicep -p environmentName=<name>
// continuationTokenKey=$(openssl rand -hex 32)`.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(20)
@description('Short name for this deployment (azd environment name): lower-case letters, digits and hyphens, since resource names, the storage account\'s among them, are derived from it.')
param environmentName string

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Most instances the Flex Consumption plan may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Days Log Analytics keeps logs.')
@minValue(30)
param logRetentionInDays int = 30

// azd generates it once for the environment and reuses it; with az, pass your own: -p continuationTokenKey=$(openssl rand -hex 32).
@secure()
@minLength(32)
@description('Secret that signs the API\'s continuation tokens: this deployment\'s own, the same on every instance.')
@metadata({ azd: { type: 'generate', config: { length: 48, noSpecial: true } } })
param continuationTokenKey string

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-${environmentName}-${token}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${environmentName}-${token}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${replace(environmentName, '-', '')}${token}', 24)
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-${environmentName}-${token}'
    applicationInsightsName: 'appi-${environmentName}-${token}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    principalId: identity.outputs.principalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: functionAppName
    planName: 'plan-${environmentName}-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    continuationTokenKey: continuationTokenKey
  }
  dependsOn: [roles]
}

module eventGrid 'modules/eventgrid.bicep' = {
  name: 'eventgrid'
  params: {
    name: 'evgt-${environmentName}-${token}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    articlesContainerName: storage.outputs.articlesContainerName
    deletionsQueueName: storage.outputs.deletionsQueueName
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup().name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output API_BASE_URL string = '${functionApp.outputs.url}/api'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output ARTICLES_CONTAINER_NAME string = storage.outputs.articlesContainerName
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
