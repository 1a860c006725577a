using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;

namespace ParkCycle.Server.Api;

/// <summary>
/// Every request's body is bounded (<see cref="BodyLimit"/> per endpoint, <see cref="BodyLimit.DefaultBytes"/>
/// otherwise) and answered 413 beyond it, whether announced by Content-Length or streamed; a body or query value
/// the binder cannot read is a 400 naming the field, a body sent too slowly a 408. None of these is ever a 500.
/// </summary>
public static partial class RequestGuard
{
    [GeneratedRegex("""parameter "(?:[^ "]+ )?(?<name>[^ "]+)" from""")]
    private static partial Regex ParameterName();

    /// <summary>Adds the guard; call before the endpoints, after routing has chosen one.</summary>
    public static WebApplication UseParkCycleRequestGuard(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var limit = http.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? BodyLimit.DefaultBytes;
            if (http.Request.ContentLength > limit)
            {
                await TooLargeAsync(http, limit);
                return;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
            {
                kestrel.MaxRequestBodySize = limit;
            }

            http.Request.Body = new LimitedReadStream(http.Request.Body, limit);
            try
            {
                await next(http);
            }
            catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
            {
                await AnswerAsync(http, ex, limit);
            }
        });
        return app;
    }

    private static async Task AnswerAsync(HttpContext http, BadHttpRequestException ex, long limit)
    {
        if (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLargeAsync(http, limit);
            return;
        }

        if (ex.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            await Problem(http, StatusCodes.Status408RequestTimeout, "the request body arrived too slowly").ExecuteAsync(http);
            return;
        }

        var errors = new Dictionary<string, string[]>();
        if (ex.InnerException is JsonException json)
        {
            errors[FieldOf(json.Path)] = [json.Path is null or "$" ? "the body is not valid JSON" : "not a value of the expected type (a number, a date YYYY-MM-DD or text), or out of its range"];
        }
        else if (ParameterName().Match(ex.Message) is { Success: true } match)
        {
            errors[match.Groups["name"].Value] = ["not a value of the expected type"];
        }
        else
        {
            errors["body"] = ["the request could not be read"];
        }

        await TypedResults.ValidationProblem(errors).ExecuteAsync(http);
    }

    /// <summary><c>$.price_cny_per_unit</c> → <c>price_cny_per_unit</c>; the body as a whole → <c>body</c>.</summary>
    private static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static Task TooLargeAsync(HttpContext http, long limit) =>
        Problem(http, StatusCodes.Status413PayloadTooLarge, $"the request body is over this endpoint's limit of {limit:N0} bytes").ExecuteAsync(http);

    private static IResult Problem(HttpContext http, int status, string title)
    {
        http.Response.Headers.Connection = "close";
        return TypedResults.Problem(title: title, statusCode: status);
    }
}
