using ContractRegie.Benchmarks;

// dotnet run -c Release --project tools/ContractRegie.Benchmarks -- [--lines 1000000] [--small 250000] [--postgres "<connection string>"]
return await SpendingImportBenchmark.RunAsync(args, Console.Out);
