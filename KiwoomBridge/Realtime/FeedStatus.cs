namespace Gslts.KiwoomBridge.Realtime;

/// <summary>What the health check and operators see of the real-time feed.</summary>
public sealed class FeedStatus
{
    private long ticksReceived;
    private long rejected;
    private long reconnects;

    public bool IsLoggedIn { get; private set; }
    public bool GaveUp { get; private set; }
    public DateTimeOffset? LastMessageAt { get; private set; }
    public string? LastError { get; private set; }
    public long TicksReceived => Interlocked.Read(ref ticksReceived);
    public long Rejected => Interlocked.Read(ref rejected);
    public long Reconnects => Interlocked.Read(ref reconnects);

    public void LoggedIn() => (IsLoggedIn, LastError) = (true, null);

    public void Disconnected(string reason)
    {
        IsLoggedIn = false;
        LastError = reason;
        Interlocked.Increment(ref reconnects);
    }

    /// <summary>Another session took the app key over: the bridge stops instead of fighting it.</summary>
    public void Stopped(string reason) => (IsLoggedIn, GaveUp, LastError) = (false, true, reason);

    public void Message(DateTimeOffset at) => LastMessageAt = at;

    public void Tick() => Interlocked.Increment(ref ticksReceived);

    public void Reject() => Interlocked.Increment(ref rejected);
}
