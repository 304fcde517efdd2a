
namespace Gslts.KiwoomSim.Matching;

/// <summary>
/// One stock's book: price-time priority on the finite KRX price grid between the day's limits. Levels live in arrays
/// indexed by tick number, so finding, adding and matching are cheap. Continuous trading matches on arrival; during a
/// call auction orders only rest, and <see cref="EndAuction"/> executes them at one price.
/// </summary>
public sealed partial class OrderBook
{
    private readonly long[] prices;
    private readonly PriceLevel?[] bids;
    private readonly PriceLevel?[] asks;
    private readonly Dictionary<long, RestingOrder> orders = [];
    private int bestBid = -1;
    private int bestAsk;

    public OrderBook(long basePrice, long maxQuantity = 10_000_000, ViRule? vi = null)
    {
        Limits = PriceLimits.From(basePrice);
        MaxQuantity = maxQuantity;
        Vi = vi;
        StaticReference = basePrice;
        var grid = new List<long>();
        for (var p = Limits.Lower; p <= Limits.Upper; p = TickSize.Step(p, 1)) grid.Add(p);
        prices = [.. grid];
        bids = new PriceLevel?[prices.Length];
        asks = new PriceLevel?[prices.Length];
        bestAsk = prices.Length;
    }

    public PriceLimits Limits { get; }

    public long MaxQuantity { get; }

    public bool InAuction { get; private set; }

    /// <summary>The VI thresholds continuous matching obeys; null trades without interruptions.</summary>
    public ViRule? Vi { get; }

    /// <summary>The last single price (the base price until the open): static VI is measured from it.</summary>
    public long StaticReference
    {
        get;
        private set
        {
            field = value;
            staticBand = Vi is null ? default : ViRule.Band(value, Vi.StaticPercent);
        }
    }

    private (long Low, long High) staticBand;

    /// <summary>Set when continuous matching stopped for a VI; the book then collects orders until <see cref="EndAuction"/>.</summary>
    public ViTrigger? Interruption { get; private set; }

    public long? LastPrice { get; private set; }

    public long TotalBid { get; private set; }

    public long TotalAsk { get; private set; }

    public long? BestBid => bestBid >= 0 ? prices[bestBid] : null;

    public long? BestAsk => bestAsk < prices.Length ? prices[bestAsk] : null;

    /// <summary>The resting quantity at <paramref name="price"/> on one side (0 for an empty or off-grid price).</summary>
    public long QuantityAt(OrderSide side, long price)
    {
        var i = IndexOf(price);
        return i < 0 ? 0 : ((side == OrderSide.Buy ? bids : asks)[i]?.Quantity ?? 0);
    }

    public bool Contains(long orderId) => orders.ContainsKey(orderId);

    public OrderResult Submit(OrderRequest order, List<Fill> fills)
    {
        var rejection = Validate(order.Type, order.Price, order.Quantity);
        if (rejection is not null) return rejection;
        if (orders.ContainsKey(order.OrderId)) return OrderResult.Reject(RejectReason.DuplicateOrderId, $"이미 있는 주문번호입니다 ({order.OrderId})");

        var market = order.Type == OrderType.Market;
        var level = market ? (order.Side == OrderSide.Buy ? prices.Length - 1 : 0) : IndexOf(order.Price);
        var filled = InAuction ? 0 : Match(order.OrderId, order.Account, order.Side, level, order.Quantity, fills);
        var left = order.Quantity - filled;
        // An unfilled market remainder is cancelled in continuous trading; in an auction (a VI's too) it waits for the single price.
        if (left > 0 && (!market || InAuction))
        {
            Rest(new RestingOrder(order.OrderId, order.Account, order.Side, level, left));
            return OrderResult.Done(filled, left);
        }

        return OrderResult.Done(filled, 0, left);
    }

    /// <summary>정정: a smaller quantity at the same price keeps time priority; a new price or a larger quantity queues anew.</summary>
    public OrderResult Modify(long orderId, long newOrderId, long newPrice, long newQuantity, List<Fill> fills)
    {
        if (!orders.TryGetValue(orderId, out var order)) return UnknownOrder(orderId);
        var rejection = Validate(OrderType.Limit, newPrice, newQuantity);
        if (rejection is not null) return rejection;
        if (newOrderId != orderId && orders.ContainsKey(newOrderId)) return OrderResult.Reject(RejectReason.DuplicateOrderId, $"이미 있는 주문번호입니다 ({newOrderId})");

        var level = IndexOf(newPrice);
        if (level == order.Level && newQuantity <= order.Remaining)
        {
            var reduced = order.Remaining - newQuantity;
            LevelOf(order).Reduce(order, reduced);
            AdjustTotal(order.Side, -reduced);
            Rekey(order, newOrderId);
            return OrderResult.Done(0, newQuantity);
        }

        Remove(order, order.Remaining);
        return Submit(new OrderRequest(newOrderId, order.Account, order.Side, OrderType.Limit, newPrice, newQuantity), fills);
    }

    /// <summary>취소: <paramref name="quantity"/> 0 cancels all that is left.</summary>
    public OrderResult Cancel(long orderId, long quantity)
    {
        if (!orders.TryGetValue(orderId, out var order)) return UnknownOrder(orderId);
        if (quantity < 0) return OrderResult.Reject(RejectReason.BadQuantity, "취소수량은 0(전량) 이상이어야 합니다");
        var cancelled = quantity == 0 ? order.Remaining : Math.Min(quantity, order.Remaining);
        Remove(order, cancelled);
        return OrderResult.Done(0, order.Remaining, cancelled);
    }

    public Depth Depth(int levels = 10)
    {
        var askLevels = new List<Level>(levels);
        for (var i = bestAsk; i < prices.Length && askLevels.Count < levels; i++)
        {
            if (asks[i] is { IsEmpty: false } level) askLevels.Add(new Level(prices[i], level.Quantity));
        }

        var bidLevels = new List<Level>(levels);
        for (var i = bestBid; i >= 0 && bidLevels.Count < levels; i--)
        {
            if (bids[i] is { IsEmpty: false } level) bidLevels.Add(new Level(prices[i], level.Quantity));
        }

        return new Depth(askLevels, bidLevels, TotalAsk, TotalBid);
    }

    /// <summary>The rejection an order at this price and quantity would get, or null when the book would take it.</summary>
    public OrderResult? Validate(OrderType type, long price, long quantity)
    {
        if (quantity < 1 || quantity > MaxQuantity)
            return OrderResult.Reject(RejectReason.BadQuantity, $"주문수량은 1주 이상 {MaxQuantity:N0}주 이하입니다 ({quantity:N0})");
        if (type == OrderType.Market)
            return price == 0 ? null : OrderResult.Reject(RejectReason.MarketOrderWithPrice, "시장가 주문에는 가격을 넣지 않습니다");
        if (price <= 0) return OrderResult.Reject(RejectReason.LimitOrderWithoutPrice, "지정가 주문에는 가격이 필요합니다");
        if (!TickSize.IsValid(price))
            return OrderResult.Reject(RejectReason.OffTick,
                $"호가단위에 맞지 않는 가격입니다 ({price:N0}원): {TickSize.RoundDown(price):N0}원 또는 {TickSize.RoundUp(price):N0}원");
        if (!Limits.Contains(price))
            return OrderResult.Reject(RejectReason.OutsideLimits,
                $"가격제한폭을 벗어났습니다 ({price:N0}원): 하한가 {Limits.Lower:N0}원 ~ 상한가 {Limits.Upper:N0}원");
        return null;
    }

    private static OrderResult UnknownOrder(long orderId) =>
        OrderResult.Reject(RejectReason.UnknownOrder, $"정정/취소할 수 있는 주문이 없습니다 ({orderId})");

    private int IndexOf(long price) => Array.BinarySearch(prices, price);

    private PriceLevel LevelOf(RestingOrder order) => (order.Side == OrderSide.Buy ? bids : asks)[order.Level]!;

    private void Rekey(RestingOrder order, long newOrderId)
    {
        orders.Remove(order.Id);
        order.Id = newOrderId;
        orders[newOrderId] = order;
    }

    private void AdjustTotal(OrderSide side, long delta)
    {
        if (side == OrderSide.Buy) TotalBid += delta;
        else TotalAsk += delta;
    }
}
