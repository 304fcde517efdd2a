using System.Collections.Concurrent;
using System.Reflection;
using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.KiwoomBridge.Tests;

/// <summary>An <see cref="IGrainFactory"/> whose stock grains only record what the feeder delivers.</summary>
public class RecordingGrains : DispatchProxy
{
    public ConcurrentDictionary<string, RecordingStockGrain> Stocks { get; } = new();

    public static (IGrainFactory Factory, RecordingGrains Recorder) Create()
    {
        var factory = DispatchProxy.Create<IGrainFactory, RecordingGrains>();
        return (factory, (RecordingGrains)(object)factory);
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        if (method is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } && method.GetGenericArguments()[0] == typeof(IStockGrain)
            && args?[0] is string code)
        {
            return Stocks.GetOrAdd(code, c => new RecordingStockGrain(c));
        }

        throw new NotSupportedException($"The bridge asked for {method?.Name}, which these tests do not expect.");
    }
}

public sealed class RecordingStockGrain(string code) : IStockGrain
{
    private readonly List<Tick[]> batches = [];

    public string Code { get; } = code;

    public List<Tick> Ticks
    {
        get
        {
            lock (batches) return batches.SelectMany(b => b).ToList();
        }
    }

    public int Batches
    {
        get
        {
            lock (batches) return batches.Count;
        }
    }

    public Task<StockSnapshot> Ingest(Tick[] ticks)
    {
        lock (batches) batches.Add(ticks);
        return Task.FromResult(StockSnapshot.Empty(Code));
    }

    public Task<StockSnapshot> GetSnapshot() => Task.FromResult(StockSnapshot.Empty(Code));

    public StockListing? Listing { get; private set; }

    public OrderBook? Book { get; private set; }

    public Task UpdateBook(OrderBook book)
    {
        Book = book;
        return Task.CompletedTask;
    }

    public Task<OrderBook?> GetBook() => Task.FromResult(Book);

    public Task SetListing(StockListing listing)
    {
        Listing = listing;
        return Task.CompletedTask;
    }
}
