using Orleans.Storage;

namespace Gslts.Bench;

/// <summary>A switch in front of the market storage: while it is closed every write waits (a stalled database), then all go on.</summary>
public sealed class StorageStall
{
    private TaskCompletionSource open = Opened();

    public void Close() => Interlocked.Exchange(ref open, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Open() => Volatile.Read(ref open).TrySetResult();

    internal Task Passed => Volatile.Read(ref open).Task;

    private static TaskCompletionSource Opened()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}

/// <summary>Grain storage whose writes wait at the <see cref="StorageStall"/>.</summary>
public sealed class StallableStorage(IGrainStorage inner, StorageStall stall) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await stall.Passed;
        await inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}
