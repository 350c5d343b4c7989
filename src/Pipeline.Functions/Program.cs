using Microsoft.Extensions.Hosting;
using Pipeline.Functions;

FunctionsApp.Build(args).Run();
