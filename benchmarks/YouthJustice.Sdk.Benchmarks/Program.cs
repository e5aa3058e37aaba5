using System.Diagnostics;
using BenchmarkDotNet.Running;
using YouthJustice.Sdk.Benchmarks.Peers;

// Run with: dotnet run -c Release --project benchmarks/YouthJustice.Sdk.Benchmarks -- --filter '*'
// (see docs/performance.md for the results and the exact commands used).
//
// Besides BenchmarkDotNet, two modes for whole-process timing (benchmarks/whole-process.sh):
//   peer duckdb <csv-folder>   DuckDB answers the peer questions from the CSV files, prints them and exits;
//   peer sdk <csv-folder>      the SDK answers them from every table of the folder;
//   peer sdk-tables <folder>   the SDK answers them from the tables they read (ImportOptions.Tables), as DuckDB reads;
//   peer check <csv-folder>    the SDK and DuckDB both answer them; exits 1 unless every count agrees.
if (args is ["peer", var mode, var folder])
{
    var clock = Stopwatch.StartNew();
    switch (mode)
    {
        case "duckdb":
            var answers = DuckDbPeer.FromCsv(folder);
            Console.WriteLine($"duckdb: {answers.Count} counts, {answers.Values.Sum()} in all, in {clock.ElapsedMilliseconds} ms");
            return 0;
        case "sdk" or "sdk-tables":
            var sdk = PeerQuestions.SdkFromCsv(folder, tablesRead: mode == "sdk-tables");
            Console.WriteLine($"{mode}: {sdk.Count(p => p.Value != 0)} counts, {sdk.Values.Sum()} in all, in {clock.ElapsedMilliseconds} ms");
            return 0;
        case "check":
            var expected = PeerQuestions.SdkFromCsv(folder);
            var sdkMs = clock.ElapsedMilliseconds;
            var sdkTables = PeerQuestions.TablesOfQuestions.Select(YouthJustice.Sdk.IO.DatasetFormat.TableName).Order().ToList();
            if (!sdkTables.SequenceEqual(PeerQuestions.TablesRead.Order()))
            {
                Console.Error.WriteLine($"The SDK reads the tables {string.Join(", ", sdkTables)} for the questions, DuckDB {string.Join(", ", PeerQuestions.TablesRead)}: the comparison would not be like for like.");
                return 1;
            }
            // The SDK importing only the tables its questions read must give the same counts as from every table.
            PeerQuestions.CheckAgree("the SDK from the tables its questions read", expected, PeerQuestions.SdkFromCsv(folder, tablesRead: true));
            clock.Restart();
            clock.Restart();
            var duck = DuckDbPeer.FromCsv(folder);
            PeerQuestions.CheckAgree("DuckDB", expected, duck);
            Console.WriteLine($"agree: {expected.Count(p => p.Value != 0)} counts ({expected.Values.Sum()} in all); SDK {sdkMs} ms, DuckDB {clock.ElapsedMilliseconds} ms");
            return 0;
    }
    Console.Error.WriteLine("peer modes: duckdb, sdk, sdk-tables, check");
    return 2;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
