using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Hdnr.Runtime.Jobs;

/// <summary>The steps a compiled script declares (step 1: <c>Map</c>, <c>Reduce</c>, ...; step k: <c>Mapk</c>, <c>Reducek</c>, ...), each checked, with every step's output types checked against the next step's input types.</summary>
public static partial class JobSteps
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every step of <paramref name="scriptType"/>, in order; a one-step script gives one, today's <see cref="JobShape.Of(Type)"/>.</summary>
    /// <exception cref="JobShapeException">A function has a wrong shape, a step is missing, or a step's output is not the next step's input.</exception>
    public static IReadOnlyList<JobShape> Of([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] Type scriptType)
    {
        ArgumentNullException.ThrowIfNull(scriptType);
        var numbered = new SortedDictionary<int, string>();
        foreach (var method in scriptType.GetMethods(Declared))
        {
            if (StepName().Match(method.Name) is not { Success: true } match) continue;
            var digits = match.Groups[3].Value;
            var canonical = match.Groups[1].Value + match.Groups[2].Value;
            if (digits == "1" || digits.StartsWith('0') || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var step))
                throw new JobShapeException(method.Name,
                    $"{method.Name} names no step: step 1's functions have no number ({canonical}), step k's end with k from 2 on ({canonical}2)", JobShapeException.StepsCode);
            numbered.TryAdd(step, method.Name);
        }
        var steps = new List<JobShape> { JobShape.Of(scriptType, 1) };
        var last = numbered.Count == 0 ? 1 : numbered.Keys.Max();
        for (var k = 2; k <= last; k++) steps.Add(JobShape.Of(scriptType, k));
        CheckDeclarations(scriptType.GetMethods(Declared), steps);
        if (steps.Count == 1) return steps;
        foreach (var step in steps)
        {
            if (step.FirstFunctionName is not null) continue;
            // Name the function the gap strands: the step's own one, else the first of the next step that has one.
            var stranded = numbered.FirstOrDefault(n => n.Key >= step.Step).Value;
            throw new JobShapeException(stranded,
                $"{stranded} belongs to step {numbered.First(n => n.Value == stranded).Key}, but step {step.Step} has no {JobShape.FunctionName("Map", step.Step)} or {JobShape.FunctionName("Reduce", step.Step)}; number a job's steps 1, 2, 3, ... without a gap",
                JobShapeException.StepsCode);
        }
        for (var k = 1; k < steps.Count; k++)
        {
            var (from, to) = (steps[k - 1], steps[k]);
            var output = from.OutputTypes!.Value;
            var input = to.InputTypes!.Value;
            if (output == input) continue;
            throw new JobShapeException(to.FirstFunctionName!,
                $"step {from.Step}'s {from.LastFunctionName} returns ({TypeNames.Of(output.Key)}, {TypeNames.Of(output.Value)}) pairs but step {to.Step}'s {to.FirstFunctionName} takes ({TypeNames.Of(input.Key)}, {TypeNames.Of(input.Value)}); a step's output types are the next step's input types",
                JobShapeException.StepsCode);
        }
        return steps;
    }

    /// <summary>Why a job of <paramref name="steps"/> cannot run with <paramref name="reducers"/> reduce tasks where a step declares none, or null when it can.</summary>
    /// <remarks>A step before the last with a Reduce hands that Reduce's output on, so it never runs map-only, as <c>[Reducers(0)]</c> is refused.</remarks>
    public static string? ReducersProblem(IReadOnlyList<JobShape> steps, int? reducers)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (reducers != 0) return null;
        foreach (var step in steps.Take(steps.Count - 1))
            if (step.Reducers is null && step.Defines(TaskKind.Reduce))
                return $"step {step.Step} of {steps.Count} would run map-only, but step {step.Step + 1} takes its {JobShape.FunctionName("Reduce", step.Step)}'s output; give 1 reducer or more, or declare [Reducers(n)] on step {step.Step}";
        return null;
    }

    // A declaration where no step reads it would be accepted and ignored: refused at the function it stands on.
    private static void CheckDeclarations(MethodInfo[] methods, List<JobShape> steps)
    {
        static IEnumerable<MethodInfo> Functions(JobShape step) =>
            new[] { step.Map, step.Reduce, step.Combine, step.MapEnd, step.ReduceEnd, step.CombineEnd }.Select(f => f?.Method)
                .Concat([step.Start(TaskKind.Map), step.Start(TaskKind.Reduce), step.Start(TaskKind.Combine)]).OfType<MethodInfo>();
        foreach (var method in methods)
        {
            if (method.GetCustomAttribute<SortValuesAttribute>() is not null && !steps.Any(s => s.Reduce?.Method == method))
                throw new JobShapeException(method.Name, $"[SortValues] orders the values a Reduce gets; put it on a Reduce, not on {method.Name}");
            if (method.GetCustomAttribute<ReducersAttribute>() is { } reducers && steps.FirstOrDefault(s => Functions(s).Contains(method)) is var step)
            {
                if (step is null)
                    throw new JobShapeException(method.Name, $"[Reducers({reducers.Count})] on {method.Name}, which is no step's function; put it on one of the step's Map, Reduce, Combine or their hooks");
                if (step.Reduce is null)
                    throw new JobShapeException(method.Name, $"[Reducers({reducers.Count})] on {method.Name}, but step {step.Step} has no {JobShape.FunctionName("Reduce", step.Step)}, so it is map-only; remove [Reducers] or add the Reduce");
            }
        }
    }

    [GeneratedRegex(@"^(Map|Reduce|Combine)(End|Start)?([0-9]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StepName();
}
