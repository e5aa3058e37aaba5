using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace YouthJustice.Sdk.LoadTest;

/// <summary>
/// Sends a fixed number of GET requests, spread over the dashboard and the report API, from a fixed number of concurrent
/// workers, to a web sample on this machine's loopback address only, and stops at the count or the time limit, whichever
/// comes first. Prints requests, concurrency, errors, throughput and latency percentiles per path and overall.
/// </summary>
internal static class Program
{
    private static readonly string[] DefaultPaths =
    [
        "/",
        "/?period=2021/22",
        "/api/dashboard",
        "/api/reports?period=2022/23",
        "/api/reports?period=2021/22&period=2022/23&breakdown=sex&format=csv",
    ];

    private static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: yj-loadtest --url http://127.0.0.1:5000 [--requests 5000] [--concurrency 8] [--max-seconds 120] [--path /api/dashboard ...]");
            return 2;
        }
        if (!options.Url.IsLoopback)
        {
            Console.Error.WriteLine($"'{options.Url}' is not a loopback address: this tool only loads a server on this machine (127.0.0.0/8, localhost, [::1]).");
            return 2;
        }
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };

        // One warm-up request per path, not counted: the first computes and caches the report, as the first board member's would.
        foreach (var path in options.Paths)
        {
            using var warm = await client.GetAsync(path);
            if (warm.StatusCode != HttpStatusCode.OK)
            {
                Console.Error.WriteLine($"warm-up: {path} answered {(int)warm.StatusCode}; stopping.");
                return 1;
            }
        }

        var latencies = options.Paths.ToDictionary(p => p, _ => new List<double>());
        var errors = options.Paths.ToDictionary(p => p, _ => 0);
        var next = -1;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxSeconds));
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (!deadline.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= options.Requests)
                {
                    return;
                }
                var path = options.Paths[i % options.Paths.Count];
                var started = Stopwatch.GetTimestamp();
                var ok = false;
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, deadline.Token);
                    ok = response.StatusCode == HttpStatusCode.OK;
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpRequestException)
                {
                }
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    latencies[path].Add(elapsed);
                    if (!ok)
                    {
                        errors[path]++;
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();

        var all = latencies.Values.SelectMany(l => l).ToList();
        var totalErrors = errors.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"target {options.Url} · {all.Count} requests of {options.Requests} · concurrency {options.Concurrency} · {clock.Elapsed.TotalSeconds:0.0} s{(deadline.IsCancellationRequested ? " (time limit reached)" : "")}"));
        Console.WriteLine("| path | requests | errors | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var path in options.Paths)
        {
            Console.WriteLine(Row(path, latencies[path], errors[path]));
        }
        Console.WriteLine(Row("**all**", all, totalErrors));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput {all.Count / clock.Elapsed.TotalSeconds:0} requests/s, errors {totalErrors}"));
        return totalErrors == 0 && all.Count == options.Requests ? 0 : 1;
    }

    private static string Row(string path, List<double> samples, int errors)
    {
        var sorted = samples.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"| `{path}` | {sorted.Length} | {errors} | {Percentile(sorted, 0.50):0.0} | {Percentile(sorted, 0.90):0.0} | {Percentile(sorted, 0.99):0.0} | {(sorted.Length == 0 ? 0 : sorted[^1]):0.0} |");
    }

    /// <summary>The nearest-rank percentile of sorted samples.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed record Options(Uri Url, int Requests, int Concurrency, int MaxSeconds, IReadOnlyList<string> Paths)
    {
        public static Options? Parse(string[] args)
        {
            Uri? url = null;
            int requests = 5000, concurrency = 8, maxSeconds = 120;
            var paths = new List<string>();
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                var value = args[i + 1];
                switch (args[i])
                {
                    case "--url" when Uri.TryCreate(value, UriKind.Absolute, out var u): url = u; break;
                    case "--requests" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1_000_000: requests = n; break;
                    case "--concurrency" when int.TryParse(value, CultureInfo.InvariantCulture, out var c) && c is > 0 and <= 256: concurrency = c; break;
                    case "--max-seconds" when int.TryParse(value, CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 3600: maxSeconds = s; break;
                    case "--path" when value.StartsWith('/'): paths.Add(value); break;
                    default: return null;
                }
            }
            return args.Length % 2 == 0 && url is not null ? new Options(url, requests, concurrency, maxSeconds, paths.Count > 0 ? paths : DefaultPaths) : null;
        }
    }
}
