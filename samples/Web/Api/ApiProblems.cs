using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace YouthJustice.Sdk.Samples.Web.Api;

/// <summary>RFC 7807 answers for the API: what went wrong and which field, never a stack trace.</summary>
public static partial class ApiProblems
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception? exception, string path);

    /// <summary>A 400 naming the field and the reason.</summary>
    public static IResult Field(string field, string reason, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(detail: $"{field}: {reason}", statusCode: status, title: reason,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [reason] } });

    /// <summary>A 404 naming what was not found.</summary>
    public static IResult NotFound(string field, string reason) =>
        TypedResults.Problem(detail: $"{field}: {reason}", statusCode: StatusCodes.Status404NotFound, title: "Not found",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [reason] } });

    /// <summary>The cookie handler's redirect for pages; a bare status (written as ProblemDetails) for the API.</summary>
    public static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>The exception handler: a 500 ProblemDetails with the trace id and nothing of the exception.</summary>
    public static async Task WriteUnhandled(HttpContext context)
    {
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        LogUnhandled(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("YouthJustice.Sdk.Samples.Web"), feature?.Error, context.Request.Path);
        context.Response.StatusCode = feature?.Error switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        };
        await Results.Problem(new ProblemDetails
        {
            Status = context.Response.StatusCode,
            Title = context.Response.StatusCode == 500 ? "The server could not answer this request." : "The request could not be read.",
            Extensions = { ["traceId"] = context.TraceIdentifier },
        }).ExecuteAsync(context);
    }
}
