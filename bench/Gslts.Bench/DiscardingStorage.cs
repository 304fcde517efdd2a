using Orleans.Storage;

namespace Gslts.Bench;

/// <summary>
/// Grain storage that keeps nothing: the product's database is outside the silo's process, so a benchmark of the
/// silo's memory must not count an in-process copy of every state (as memory storage would).
/// </summary>
public sealed class DiscardingStorage : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = "written";
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
}
