using Hdnr.Engine.Scratch;

namespace Hdnr.Engine.Tests;

/// <summary>Jobs started at the same moment each get a scratch folder of their own, whatever their sweeps do meanwhile.</summary>
public sealed class ScratchDirectoryTests
{
    [Fact]
    public async Task Jobs_created_while_others_sweep_all_get_their_folder()
    {
        // Every Create first sweeps the user's folder, opening and locking each lock file it finds: a sweep can catch a
        // new job's lock file between its creation and its lock. Eight racing creators make that happen within a few hundred jobs.
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var racers = Enumerable.Range(0, 8).Select(racer => Task.Run(() =>
        {
            for (var i = 0; i < 600; i++)
            {
                try
                {
                    using var scratch = ScratchDirectory.Create($"job_test{racer}_{i:D4}", TextWriter.Null);
                    Assert.True(Directory.Exists(scratch.Path), $"{scratch.Path} is gone while its job runs");
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            }
        }));
        await Task.WhenAll(racers);
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(2)));
    }
}
