using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Hdnr.Hadoop.Freezing;

/// <summary>The sequence points of a compiled script that a stack trace can name: those at which the IL evaluation stack is empty.</summary>
/// <remarks>
/// The runtime maps a frame to IL only at stack-empty boundaries, so a sequence point the compiler placed with a value still
/// on the stack (a local it kept on the stack, such as <c>t</c> in <c>var t = s.Trim(); return long.Parse(t);</c>) is
/// never named: hdnr reports the point before it. The stack depth is followed through each method's IL, instruction by
/// instruction, as the compiler's structured code allows: a branch target takes the depth of its first branch, code after
/// an unconditional jump that no branch reached yet starts empty, a handler starts with its exception on the stack.
/// </remarks>
internal static class VisibleSequencePoints
{
    private static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The stack-empty, visible sequence points (1-based line and column) of every method in the embedded PDB of <paramref name="assembly"/>, by document.</summary>
    /// <exception cref="InvalidOperationException">The assembly has no embedded PDB.</exception>
    public static Dictionary<string, List<(int Line, int Column)>> Of(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var metadata = pe.GetMetadataReader();
        var entry = pe.ReadDebugDirectory().FirstOrDefault(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        if (entry.DataSize == 0)
            throw new InvalidOperationException($"{assembly} has no embedded PDB");
        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(entry);
        var pdb = provider.GetMetadataReader();
        var points = new Dictionary<string, List<(int Line, int Column)>>(StringComparer.Ordinal);
        var names = new Dictionary<DocumentHandle, string>();
        foreach (var handle in pdb.MethodDebugInformation)
        {
            var sequencePoints = pdb.GetMethodDebugInformation(handle).GetSequencePoints().Where(p => !p.IsHidden).ToList();
            if (sequencePoints.Count == 0)
                continue;
            var method = metadata.GetMethodDefinition(handle.ToDefinitionHandle());
            var empty = method.RelativeVirtualAddress == 0 ? null : StackEmpty(metadata, pe.GetMethodBody(method.RelativeVirtualAddress));
            foreach (var point in sequencePoints)
            {
                if (empty is not null && !empty.Contains(point.Offset))
                    continue;
                if (!names.TryGetValue(point.Document, out var name))
                    names[point.Document] = name = pdb.GetString(pdb.GetDocument(point.Document).Name);
                if (!points.TryGetValue(name, out var list))
                    points[name] = list = [];
                list.Add((point.StartLine, point.StartColumn));
            }
        }
        return points;
    }

    /// <summary>The IL offsets of <paramref name="body"/> at which the evaluation stack is empty, or null when its IL is not what the walk expects (every point then counts).</summary>
    private static HashSet<int>? StackEmpty(MetadataReader metadata, MethodBodyBlock body)
    {
        var known = new Dictionary<int, int>();
        foreach (var region in body.ExceptionRegions)
        {
            known[region.TryOffset] = 0;
            known[region.HandlerOffset] = region.Kind is ExceptionRegionKind.Catch or ExceptionRegionKind.Filter ? 1 : 0;
            if (region.Kind == ExceptionRegionKind.Filter)
                known[region.FilterOffset] = 1;
        }
        var empty = new HashSet<int>();
        var il = body.GetILReader();
        var depth = 0;
        var reachable = true;
        while (il.RemainingBytes > 0)
        {
            var offset = il.Offset;
            if (known.TryGetValue(offset, out var at))
                depth = at;
            else if (!reachable)
                depth = 0;
            reachable = true;
            if (depth == 0)
                empty.Add(offset);

            int value = il.ReadByte();
            if (value == 0xFE)
                value = 0xFE00 | il.ReadByte();
            if (!Codes.TryGetValue(unchecked((short)value), out var code))
                return null;
            int? token = null;
            var targets = new List<int>();
            switch (code.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                    var shortDelta = il.ReadSByte();
                    targets.Add(il.Offset + shortDelta);
                    break;
                case OperandType.InlineBrTarget:
                    var delta = il.ReadInt32();
                    targets.Add(il.Offset + delta);
                    break;
                case OperandType.InlineSwitch:
                    var count = il.ReadInt32();
                    var deltas = new int[count];
                    for (var i = 0; i < count; i++) deltas[i] = il.ReadInt32();
                    targets.AddRange(deltas.Select(d => il.Offset + d));
                    break;
                case OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.ReadByte();
                    break;
                case OperandType.InlineVar:
                    il.ReadInt16();
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.ReadInt64();
                    break;
                case OperandType.InlineMethod or OperandType.InlineSig:
                    token = il.ReadInt32();
                    break;
                default:
                    il.ReadInt32();
                    break;
            }

            int pop, push;
            if (code.StackBehaviourPop == StackBehaviour.Varpop || code.StackBehaviourPush == StackBehaviour.Varpush)
            {
                if (code == OpCodes.Ret || code == OpCodes.Jmp)
                {
                    (pop, push) = (depth, 0);
                }
                else if (token is { } t && Signature(metadata, t) is var (parameters, hasThis, returns))
                {
                    pop = parameters + (hasThis && code != OpCodes.Newobj ? 1 : 0) + (code == OpCodes.Calli ? 1 : 0);
                    push = returns || code == OpCodes.Newobj ? 1 : 0;
                }
                else
                {
                    return null;
                }
            }
            else
            {
                pop = Count(code.StackBehaviourPop.ToString(), "Pop0");
                push = Count(code.StackBehaviourPush.ToString(), "Push0");
            }
            depth -= pop;
            if (depth < 0)
                return null;
            depth += push;

            if (code == OpCodes.Leave || code == OpCodes.Leave_S)
                depth = 0;
            foreach (var target in targets)
                known.TryAdd(target, depth);
            if (code == OpCodes.Br || code == OpCodes.Br_S || code == OpCodes.Leave || code == OpCodes.Leave_S || code == OpCodes.Ret
                || code == OpCodes.Throw || code == OpCodes.Rethrow || code == OpCodes.Endfinally || code == OpCodes.Endfilter
                || code == OpCodes.Jmp)
                reachable = false;
        }
        return empty;
    }

    /// <summary>How many values a fixed stack behaviour pops or pushes: its name's parts (<c>Popref_popi_pop1</c> is 3), none for the zero one.</summary>
    private static int Count(string behaviour, string none) => behaviour == none ? 0 : behaviour.Split('_').Length;

    /// <summary>The parameter count, instance-ness and non-void return of the method or stand-alone signature a call's token names.</summary>
    private static (int Parameters, bool HasThis, bool Returns)? Signature(MetadataReader metadata, int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        BlobHandle blob;
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                blob = metadata.GetMethodDefinition((MethodDefinitionHandle)handle).Signature;
                break;
            case HandleKind.MemberReference:
                blob = metadata.GetMemberReference((MemberReferenceHandle)handle).Signature;
                break;
            case HandleKind.MethodSpecification:
                return Signature(metadata, MetadataTokens.GetToken(metadata.GetMethodSpecification((MethodSpecificationHandle)handle).Method));
            case HandleKind.StandaloneSignature:
                blob = metadata.GetStandaloneSignature((StandaloneSignatureHandle)handle).Signature;
                break;
            default:
                return null;
        }
        var reader = metadata.GetBlobReader(blob);
        var header = reader.ReadSignatureHeader();
        if (header.Kind != SignatureKind.Method)
            return null;
        if (header.IsGeneric)
            reader.ReadCompressedInteger();
        var parameters = reader.ReadCompressedInteger();
        // The return type, after any custom modifiers: void is one byte.
        while (reader.RemainingBytes > 0 && reader.PeekByte() is 0x1F or 0x20)
        {
            reader.ReadByte();
            reader.ReadTypeHandle();
        }
        var returns = reader.RemainingBytes > 0 && reader.PeekByte() != 0x01;
        return (parameters, header.IsInstance, returns);
    }
}

/// <summary>A byte ahead in a blob, without reading it.</summary>
file static class BlobPeek
{
    public static byte PeekByte(this ref BlobReader reader)
    {
        var copy = reader;
        return copy.ReadByte();
    }
}
