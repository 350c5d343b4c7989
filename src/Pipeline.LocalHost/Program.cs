using Pipeline.LocalHost;

await LocalFunctionsHost.RunAsync(LocalFunctionsHost.Create(args));
