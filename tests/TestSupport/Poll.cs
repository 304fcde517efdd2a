namespace Gslts.TestSupport;

/// <summary>Asks again until the answer is what a test waits for, or patience runs out: tests wait for the ground truth, never for a fixed time.</summary>
public static class Poll
{
    /// <summary>The first answer that is <paramref name="done"/>, or the last one when patience runs out (for the asserts to show).</summary>
    public static async Task<T> Until<T>(Func<Task<T>> call, Func<T, bool> done, TimeSpan patience, int everyMs = 200)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var value = await call();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(everyMs);
        }
    }

    /// <summary>True as soon as <paramref name="condition"/> holds; false when patience runs out.</summary>
    public static async Task<bool> Until(Func<bool> condition, TimeSpan patience, int everyMs = 50)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(everyMs);
        }

        return true;
    }

    /// <summary>True as soon as <paramref name="condition"/> holds; false when patience runs out.</summary>
    public static async Task<bool> Until(Func<Task<bool>> condition, TimeSpan patience, int everyMs = 200)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(everyMs);
        }

        return true;
    }
}
