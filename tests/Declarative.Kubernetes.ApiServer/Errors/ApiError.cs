using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Errors;

/// <summary>
/// A failed request: the HTTP code and the body to send, normally a Status object (reference section 4), or
/// plain text where a real server answers plain text (<see cref="PlainText"/>). Thrown anywhere in the
/// pipeline; the host writes it.
/// </summary>
public sealed class ApiError : Exception
{
    public ApiError(int code, JsonObject status, IReadOnlyDictionary<string, string>? headers = null)
        : base(status["message"]?.GetValue<string>() ?? $"HTTP {code}")
    {
        Code = code;
        Status = status;
        Headers = headers ?? new Dictionary<string, string>();
    }

    private ApiError(int code, string plainText, IReadOnlyDictionary<string, string>? headers)
        : base(plainText)
    {
        Code = code;
        PlainText = plainText;
        Headers = headers ?? new Dictionary<string, string>();
    }

    public ApiError()
        : this(500, StatusFactory.InternalError("unknown error"))
    {
    }

    public ApiError(string message)
        : this(500, StatusFactory.InternalError(message))
    {
    }

    public ApiError(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 500;
        Status = StatusFactory.InternalError(message);
        Headers = new Dictionary<string, string>();
    }

    public int Code { get; }

    public JsonObject? Status { get; }

    public string? PlainText { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public static ApiError Plain(int code, string text, IReadOnlyDictionary<string, string>? headers = null) => new(code, text, headers);
}
