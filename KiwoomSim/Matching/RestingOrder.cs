namespace Gslts.KiwoomSim.Matching;

/// <summary>An order resting in the book. Mutable by the book only; cancelled orders leave their queue lazily.</summary>
internal sealed class RestingOrder(long id, string account, OrderSide side, int level, long remaining)
{
    public long Id { get; set; } = id;
    public string Account { get; } = account;
    public OrderSide Side { get; } = side;
    public int Level { get; set; } = level;
    public long Remaining { get; set; } = remaining;
    public bool Live => Remaining > 0;
}

/// <summary>One price's FIFO queue; cancelled orders are skipped when they reach the head.</summary>
internal sealed class PriceLevel
{
    private readonly Queue<RestingOrder> queue = new();

    public long Quantity { get; private set; }

    public bool IsEmpty => Quantity == 0;

    public void Add(RestingOrder order)
    {
        queue.Enqueue(order);
        Quantity += order.Remaining;
    }

    /// <summary>The oldest live order, dropping dead ones on the way.</summary>
    public RestingOrder? Head()
    {
        while (queue.TryPeek(out var head))
        {
            if (head.Live) return head;
            queue.Dequeue();
        }

        return null;
    }

    public void Reduce(RestingOrder order, long quantity)
    {
        order.Remaining -= quantity;
        Quantity -= quantity;
    }

    public IEnumerable<RestingOrder> InPriority() => queue.Where(o => o.Live);
}
