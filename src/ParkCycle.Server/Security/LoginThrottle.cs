using System.Collections.Concurrent;

namespace ParkCycle.Server.Security;

/// <summary>
/// Failed logins per account and per client address in a sliding window: past <see cref="MaxPerAccount"/> failures
/// for one username, or <see cref="MaxPerAddress"/> from one address, within <see cref="Window"/>, every login for it
/// is refused with 429 and <c>Retry-After</c> until the window has passed (even with the right password). In memory:
/// a restart forgets it, which an attacker cannot trigger from outside.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    /// <summary>Failures allowed per username in a window: 5.</summary>
    public const int MaxPerAccount = 5;

    /// <summary>Failures allowed per client address in a window: 20.</summary>
    public const int MaxPerAddress = 20;

    /// <summary>The window: 5 minutes.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait before trying again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string username, string address)
    {
        var now = clock.GetUtcNow();
        var wait = new[] { Wait($"u:{username}", MaxPerAccount, now), Wait($"a:{address}", MaxPerAddress, now) }.Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>Counts a failed login against the account and the address.</summary>
    public void Failed(string username, string address)
    {
        var now = clock.GetUtcNow();
        foreach (var key in new[] { $"u:{username}", $"a:{address}" })
        {
            var queue = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (queue)
            {
                queue.Enqueue(now);
                while (queue.Count > MaxPerAddress + 1)
                {
                    queue.Dequeue(); // bounded: only the latest failures matter
                }
            }
        }
    }

    private TimeSpan Wait(string key, int max, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var queue))
        {
            return TimeSpan.Zero;
        }

        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= Window)
            {
                queue.Dequeue();
            }

            if (queue.Count == 0)
            {
                _failures.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(key, queue));
                return TimeSpan.Zero;
            }

            return queue.Count >= max ? queue.ElementAt(queue.Count - max) + Window - now : TimeSpan.Zero;
        }
    }
}
