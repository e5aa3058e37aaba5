using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/YouthJustice.Sdk.Benchmarks -- --filter '*'
// (see docs/performance.md for the results and the exact commands used).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
