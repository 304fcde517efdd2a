using Orleans.Storage;

namespace Gslts.Grains.Tests;

/// <summary>
/// The market storage of the test silo (grain state and the stock store): memory behind a gate a test can close for one
/// grain, so that grain's writes wait (a slow database) while everything else goes on.
/// </summary>
public sealed class StorageGate
{
    private readonly object sync = new();
    private string? closedFor;
    private TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Writes of grains whose id contains <paramref name="key"/> wait until <see cref="Open"/>.</summary>
    public void Close(string key)
    {
        lock (sync) (closedFor, opened, blocked) = (key, new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    public void Open()
    {
        lock (sync)
        {
            closedFor = null;
            opened.TrySetResult();
        }
    }

    /// <summary>Completes once a write is waiting at the closed gate.</summary>
    public Task Blocked
    {
        get
        {
            lock (sync) return blocked.Task;
        }
    }

    internal Task PassAsync(GrainId grainId) => PassAsync(grainId.ToString());

    internal Task PassAsync(string key)
    {
        lock (sync)
        {
            if (closedFor is null || !key.Contains(closedFor, StringComparison.Ordinal)) return Task.CompletedTask;
            blocked.TrySetResult();
            return opened.Task;
        }
    }
}

internal sealed class GatedStorage(IGrainStorage inner, StorageGate gate) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await gate.PassAsync(grainId);
        await inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}
