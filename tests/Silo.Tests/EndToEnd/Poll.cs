namespace Gslts.Silo.Tests.EndToEnd;

/// <summary>Asks again until the answer is what a test waits for, or patience runs out (then the last answer is returned for the asserts to show).</summary>
internal static class Poll
{
    public static async Task<T> Until<T>(Func<Task<T>> call, Func<T, bool> done, TimeSpan patience, int everyMs = 500)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var value = await call();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(everyMs);
        }
    }
}
