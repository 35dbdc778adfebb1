using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CareCoordination.Web.Tests.Faults;

/// <summary>
/// The built app (CareCoordination.Web.dll, copied beside the tests with its runtime and dependency files) run with
/// <c>dotnet</c> as its own operating-system process, in Production, on a free loopback port and a SQLite file of the
/// test's choosing. Its home is the test's folder, so its data-protection keys live and die with the test.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    /// <summary>The last lines the app wrote, for a failure message.</summary>
    public string Tail => string.Join("\n", _output.TakeLast(30));

    public static async Task<AppProcess> StartAsync(string databasePath, string home, params string[] flags)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "CareCoordination.Web.dll"), .. flags, "--urls", $"http://127.0.0.1:{port}"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["HOME"] = home;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__CareCoordination"] = $"Data Source={databasePath}";
        // Production refuses to keep its data-protection keys unencrypted.
        start.Environment["DataProtection__CertificatePath"] = Trust.KeyCertificate.Shared.Path;
        start.Environment["DataProtection__CertificatePassword"] = Trust.KeyCertificate.Shared.Password;

        var app = new AppProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        app._process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        app._process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        await app.WaitUntilReadyAsync();
        return app;
    }

    /// <summary>SIGKILL on Linux: no shutdown, no flush, no finally blocks; the process is gone mid-write.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            Assert.False(_process.HasExited, $"The app exited with {(_process.HasExited ? _process.ExitCode : 0)} before it was ready:\n{Tail}");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The app was not ready within 90 s:\n{Tail}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
