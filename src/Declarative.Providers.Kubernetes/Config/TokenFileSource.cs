namespace Declarative.Providers.Kubernetes.Config;

/// <summary>A bearer token read from a file and re-read after a minute (as client-go's cached file token source),
/// or at once after a 401, so rotated service account tokens are picked up.</summary>
public sealed class TokenFileSource(string path, TimeProvider clock)
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private string? _token;
    private DateTimeOffset _readAt;

    public string Token
    {
        get
        {
            lock (_lock)
            {
                if (_token is null || clock.GetUtcNow() - _readAt >= Period)
                {
                    _token = Read();
                    _readAt = clock.GetUtcNow();
                }

                return _token;
            }
        }
    }

    public void Invalidate()
    {
        lock (_lock)
        {
            _token = null;
        }
    }

    private string Read()
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"Cannot read the token file {path}: {ex.Message} Check the tokenFile path and its permissions.", ex);
        }
    }
}
