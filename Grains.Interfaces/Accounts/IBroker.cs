namespace Gslts.Grains.Interfaces.Accounts;

/// <summary>
/// A securities broker's order and account API (Kiwoom now; 한국투자증권 KIS would be a second implementation). The
/// account grain is its only caller. An order call whose answer was lost throws <see cref="OrderOutcomeUnknownException"/>
/// and is never resent: the caller reconciles from <see cref="OrdersAsync"/>.
/// </summary>
public interface IBroker
{
    /// <summary>Places an order; returns the broker's order number.</summary>
    Task<string> SubmitAsync(OrderRequest order, CancellationToken cancellationToken);

    /// <summary>Moves <paramref name="quantity"/> of an open order to <paramref name="price"/>; returns the new order number.</summary>
    Task<string> ModifyAsync(string orderNo, string code, long quantity, long price, CancellationToken cancellationToken);

    /// <summary>Cancels <paramref name="quantity"/> of an open order (0 = all that is left).</summary>
    Task CancelAsync(string orderNo, string code, long quantity, CancellationToken cancellationToken);

    Task<AccountBalance> BalanceAsync(CancellationToken cancellationToken);

    /// <summary>Today's orders that are open or have fills.</summary>
    Task<IReadOnlyList<BrokerOrder>> OrdersAsync(CancellationToken cancellationToken);
}

/// <summary>The broker may or may not have taken an order: its answer was lost.</summary>
public sealed class OrderOutcomeUnknownException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The broker refused a request, with its reason (e.g. an off-tick price, buying power).</summary>
[GenerateSerializer]
public sealed class OrderRejectedException(string message) : Exception(message);
