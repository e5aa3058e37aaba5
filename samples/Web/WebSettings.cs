namespace YouthJustice.Sdk.Samples.Web;

/// <summary>The web sample's settings: where its data lives and how large an upload may be.</summary>
public static class WebSettings
{
    /// <summary>The configuration key of the data folder (environment variable <c>YouthJustice__DataFolder</c>).</summary>
    public const string DataFolderKey = "YouthJustice:DataFolder";

    /// <summary>The largest request body (an uploaded dataset): 64 MiB.</summary>
    public const long MaxUploadBytes = 64L * 1024 * 1024;

    /// <summary>The data folder: <see cref="DataFolderKey"/>, else <c>data/</c> under the content root (the project folder under <c>dotnet run</c>).</summary>
    public static string DataFolder(IConfiguration configuration, string contentRoot) =>
        Path.GetFullPath(configuration[DataFolderKey] is { Length: > 0 } folder ? folder : Path.Combine(contentRoot, "data"));
}
