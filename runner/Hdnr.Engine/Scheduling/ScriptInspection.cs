// Task scheduling: attempts on threads or processes, retries, timeouts, and each task's environment and files.
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Hdnr.Engine.Scheduling;

/// <summary>What a compiled script does that only a task process of its own gives it the Hadoop way, or that would take the engine down if it ran on one of the engine's threads.</summary>
/// <param name="ReadsProcessState">Whether the script reads environment variables or the current directory (<c>System.Environment</c>, <c>Directory.GetCurrentDirectory</c>): in one shared process those would not be the task's own. The script's <c>Context</c> global (<see cref="Hdnr.Runtime.Jobs.TaskContext"/>) is not counted: each in-process attempt gets its own.</param>
/// <param name="HasAssignableStatics">Whether a class of the script has a static field it can assign (not <c>const</c>, not <c>readonly</c>): threads of one process would share it, where each Hadoop task has its own.</param>
/// <param name="ExitsProcess">Whether the script calls <c>Environment.Exit</c> or <c>Environment.FailFast</c>, which would end the engine with it.</param>
/// <param name="ReadsStandardInput">Whether the script reads standard input (<c>Console.In</c>, <c>ReadLine</c>, <c>Read</c>, <c>ReadKey</c>, <c>OpenStandardInput</c>), which is the task's input only in a process of its own.</param>
/// <param name="Recursive">Whether the script's own methods (local functions, lambdas and iterators included) call each other in a cycle, so a stack overflow, which no thread survives, is possible.</param>
public sealed record ScriptInspection(bool ReadsProcessState, bool HasAssignableStatics, bool ExitsProcess, bool ReadsStandardInput, bool Recursive)
{
    /// <summary>Why the script's tasks must run as processes, in a few words for the job's log; null when threads of the engine will do.</summary>
    public string? ProcessReason =>
        ExitsProcess ? "the script can end its process (Environment.Exit or FailFast), which must not end the engine"
        : Recursive ? "the script has recursion, and a stack overflow, which no thread survives, must not end the engine"
        : ReadsStandardInput ? "the script reads standard input, which only a task process of its own can give it (at end of file, as the pipe verb does)"
        : ReadsProcessState ? "the script reads its environment or working directory (Context has the task's own, which runs in-process)"
        : HasAssignableStatics ? "the script has static fields it can assign, which each task keeps apart only in a process of its own"
        : null;

    /// <summary>Inspects the compiled script at <paramref name="assemblyPath"/>, reading its metadata once.</summary>
    public static ScriptInspection Of(string assemblyPath)
    {
        using var file = File.OpenRead(assemblyPath);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();
        var (state, exits, stdin) = CalledMembers(metadata);
        return new ScriptInspection(state, AssignableStatics(metadata), exits, stdin, CallGraph.HasCycle(pe, metadata));
    }

    // Which framework members the script refers to: references are listed once per assembly, whichever method uses them.
    private static (bool State, bool Exits, bool Stdin) CalledMembers(MetadataReader metadata)
    {
        bool state = false, exits = false, stdin = false;
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference) continue;
            var type = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
            var ns = metadata.GetString(type.Namespace);
            var name = metadata.GetString(type.Name);
            var memberName = metadata.GetString(member.Name);
            // Not every use: compiler-made iterators read Environment.CurrentManagedThreadId.
            if (ns == "System" && name == "Environment" && (memberName.Contains("EnvironmentVariable", StringComparison.Ordinal) || memberName.EndsWith("CurrentDirectory", StringComparison.Ordinal))) state = true;
            if (ns == "System.IO" && name == "Directory" && memberName is "GetCurrentDirectory" or "SetCurrentDirectory") state = true;
            if (ns == "System" && name == "Environment" && memberName is "Exit" or "FailFast") exits = true;
            if (ns == "System" && name == "Console" && memberName is "get_In" or "ReadLine" or "Read" or "ReadKey" or "OpenStandardInput") stdin = true;
        }
        return (state, exits, stdin);
    }

    // Top-level variables are fields of each task's own script instance; compiler-made types (lambda caches, data) do not count.
    private static bool AssignableStatics(MetadataReader metadata)
    {
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (metadata.GetString(type.Name).StartsWith('<')) continue;
            foreach (var fieldHandle in type.GetFields())
            {
                var attributes = metadata.GetFieldDefinition(fieldHandle).Attributes;
                if ((attributes & FieldAttributes.Static) != 0 && (attributes & (FieldAttributes.Literal | FieldAttributes.InitOnly)) == 0) return true;
            }
        }
        return false;
    }

    /// <summary>The calls between the script's own methods, read from their IL.</summary>
    /// <remarks>
    /// An edge is a <c>call</c>, <c>callvirt</c>, <c>newobj</c> or <c>jmp</c> of a method of the script, a <c>ldftn</c> that
    /// makes a lambda or local function into a delegate (as if the delegate were called), and an iterator's or async
    /// method's start of its state machine (the method runs its <c>MoveNext</c>). Calls through a delegate the script
    /// stores and invokes later, and virtual calls that land in an override, are not followed.
    /// </remarks>
    private static class CallGraph
    {
        private static readonly Dictionary<ushort, OperandType> Operands = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => (ushort)o.Value, o => o.OperandType);

        public static bool HasCycle(PEReader pe, MetadataReader metadata)
        {
            var stateMachines = StateMachineTypes(metadata);
            var edges = new Dictionary<MethodDefinitionHandle, List<MethodDefinitionHandle>>();
            foreach (var handle in metadata.MethodDefinitions)
            {
                var callees = new List<MethodDefinitionHandle>();
                var method = metadata.GetMethodDefinition(handle);
                if (method.RelativeVirtualAddress != 0)
                {
                    var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
                    while (il.RemainingBytes > 0)
                    {
                        ushort code = il.ReadByte();
                        if (code == 0xFE) code = (ushort)(0xFE00 | il.ReadByte());
                        var operand = Operands.TryGetValue(code, out var kind) ? kind : OperandType.InlineNone;
                        if (code is 0x28 or 0x6F or 0x73 or 0x27 or 0xFE06 or 0xFE07)
                            callees.AddRange(Targets(metadata, MetadataTokens.EntityHandle(il.ReadInt32())));
                        else
                            Skip(ref il, operand);
                    }
                }
                foreach (var attribute in method.GetCustomAttributes())
                {
                    if (StateMachineOf(metadata, metadata.GetCustomAttribute(attribute)) is { } name && stateMachines.TryGetValue(name, out var moveNext))
                        callees.Add(moveNext);
                }
                edges[handle] = callees;
            }
            return Cyclic(edges);
        }

        private static void Skip(ref BlobReader il, OperandType operand)
        {
            var size = operand switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 * il.ReadInt32(),
                _ => 4,
            };
            il.Offset += size;
        }

        // The methods a call token names, as far as they are the script's own: a generic instantiation of a script
        // method or type counts as the definition (every overload of that name, to stay on the safe side).
        private static IEnumerable<MethodDefinitionHandle> Targets(MetadataReader metadata, EntityHandle token)
        {
            switch (token.Kind)
            {
                case HandleKind.MethodDefinition:
                    return [(MethodDefinitionHandle)token];
                case HandleKind.MethodSpecification:
                    return Targets(metadata, metadata.GetMethodSpecification((MethodSpecificationHandle)token).Method);
                case HandleKind.MemberReference:
                    var member = metadata.GetMemberReference((MemberReferenceHandle)token);
                    if (member.GetKind() != MemberReferenceKind.Method || DefinitionOf(metadata, member.Parent) is not { } type) return [];
                    return metadata.GetTypeDefinition(type).GetMethods()
                        .Where(m => metadata.StringComparer.Equals(metadata.GetMethodDefinition(m).Name, metadata.GetString(member.Name)));
                default:
                    return [];
            }
        }

        private static TypeDefinitionHandle? DefinitionOf(MetadataReader metadata, EntityHandle parent)
        {
            if (parent.Kind == HandleKind.TypeDefinition) return (TypeDefinitionHandle)parent;
            if (parent.Kind != HandleKind.TypeSpecification) return null;
            var blob = metadata.GetBlobReader(metadata.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
            if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return null;
            blob.ReadSignatureTypeCode();
            var generic = blob.ReadTypeHandle();
            return generic.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)generic : null;
        }

        // [IteratorStateMachine(typeof(...))] and its async kin name the type whose MoveNext runs the method's body.
        private static string? StateMachineOf(MetadataReader metadata, CustomAttribute attribute)
        {
            if (attribute.Constructor.Kind != HandleKind.MemberReference) return null;
            var parent = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind != HandleKind.TypeReference) return null;
            var name = metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name);
            if (!name.EndsWith("StateMachineAttribute", StringComparison.Ordinal)) return null;
            var value = metadata.GetBlobReader(attribute.Value);
            if (value.ReadUInt16() != 1) return null;
            return value.ReadSerializedString();
        }

        // Each state machine type's MoveNext, by the name a custom attribute gives the type (Outer+Inner`1).
        private static Dictionary<string, MethodDefinitionHandle> StateMachineTypes(MetadataReader metadata)
        {
            var moveNexts = new Dictionary<string, MethodDefinitionHandle>(StringComparer.Ordinal);
            foreach (var handle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(handle);
                var moveNext = type.GetMethods().FirstOrDefault(m => metadata.StringComparer.Equals(metadata.GetMethodDefinition(m).Name, "MoveNext"));
                if (!moveNext.IsNil) moveNexts[FullName(metadata, handle)] = moveNext;
            }
            return moveNexts;
        }

        private static string FullName(MetadataReader metadata, TypeDefinitionHandle handle)
        {
            var type = metadata.GetTypeDefinition(handle);
            var name = metadata.GetString(type.Name);
            if (!type.GetDeclaringType().IsNil) return FullName(metadata, type.GetDeclaringType()) + "+" + name;
            var ns = metadata.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        // Depth-first search with an explicit stack: an edge to a method still on the path closes a cycle.
        private static bool Cyclic(Dictionary<MethodDefinitionHandle, List<MethodDefinitionHandle>> edges)
        {
            var state = new Dictionary<MethodDefinitionHandle, bool>(); // false: on the path; true: done
            foreach (var root in edges.Keys)
            {
                if (state.ContainsKey(root)) continue;
                var path = new Stack<(MethodDefinitionHandle Method, int Next)>();
                path.Push((root, 0));
                state[root] = false;
                while (path.Count > 0)
                {
                    var (method, next) = path.Pop();
                    var callees = edges.GetValueOrDefault(method) ?? [];
                    if (next == callees.Count)
                    {
                        state[method] = true;
                        continue;
                    }
                    path.Push((method, next + 1));
                    var callee = callees[next];
                    if (!state.TryGetValue(callee, out var done))
                    {
                        state[callee] = false;
                        path.Push((callee, 0));
                    }
                    else if (!done)
                    {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
