using Hdnr.Engine.Scheduling;

namespace Hdnr.Engine.Tests;

/// <summary>How many tasks of one kind run at once: what the user asks, else one per core, and no core left idle while the last tasks of an uneven wave run alone.</summary>
public sealed class TaskPoolTests
{
    private static readonly int Cores = Environment.ProcessorCount;

    [Fact]
    public void Tasks_numbering_between_one_and_two_per_core_all_run_at_once()
    {
        Assert.Equal(Cores + 1, TaskPool.Threads(Cores + 1, asked: null));
        Assert.Equal(2 * Cores - 1, TaskPool.Threads(2 * Cores - 1, asked: null));
    }

    [Fact]
    public void Other_counts_run_one_per_core_and_an_asked_number_is_taken_as_it_is()
    {
        Assert.Equal(Cores, TaskPool.Threads(1, asked: null));
        Assert.Equal(Cores, TaskPool.Threads(Cores, asked: null));
        Assert.Equal(Cores, TaskPool.Threads(2 * Cores, asked: null));
        Assert.Equal(Cores, TaskPool.Threads(10 * Cores + 1, asked: null));
        Assert.Equal(1, TaskPool.Threads(Cores + 1, asked: 1));
        Assert.Equal(7, TaskPool.Threads(3, asked: 7));
    }
}
