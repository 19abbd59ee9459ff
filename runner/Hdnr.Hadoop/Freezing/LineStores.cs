using System.Globalization;
using System.Text;
using Hdnr.Runtime.Frozen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Hdnr.Hadoop.Freezing;

/// <summary>Rewrites one .csx file of a script so that it keeps <see cref="ScriptLine"/> up to date, without moving any of its lines.</summary>
/// <remarks>
/// Code is only inserted (or, for an expression body, <c>=&gt;</c> and <c>;</c> replaced) within a line, never across one, so
/// every token keeps its line and the compiler's messages and the line stores agree with the file. What is inserted:
/// <list type="bullet">
/// <item>before each statement whose code has a sequence point a stack trace can name, a store of that point's line (in a
/// block, a switch section, at the top level, before a script variable; an embedded statement, as the body of an
/// <c>if</c>, gets braces around it);</item>
/// <item>at the end of a loop's body and before <c>continue</c>, a store of the loop's header, where the next
/// <c>MoveNext</c> or condition runs;</item>
/// <item>around the body of every function that is not an iterator (methods, local functions, lambdas, accessors, with
/// expression bodies made blocks), a <c>try</c> whose filter records where an exception left it (filters run before any
/// <c>finally</c> unwinds) and whose <c>finally</c> gives the caller its position back;</item>
/// <item>in an iterator (which cannot hold a <c>yield</c> in a <c>try</c> with a <c>catch</c>), a save of its caller's
/// position when it starts or resumes, given back as it yields, breaks or ends;</item>
/// <item>in a <c>finally</c> block, a save and restore of the position, so that unwinding through it does not move it; in
/// a <c>catch</c> block, a record of where the exception it caught was thrown, for a <c>throw;</c> that rethrows it.</item>
/// </list>
/// A lambda converted to an expression tree is left as it is, with everything in it.
/// </remarks>
internal sealed class LineStores : CSharpSyntaxWalker
{
    private const string Tracker = "global::Hdnr.Runtime.Frozen.ScriptLine";

    private readonly SyntaxTree _tree;
    private readonly SourceText _text;
    private readonly SemanticModel _model;
    private readonly int _file;
    private readonly int[] _points;
    private readonly List<Edit> _edits = [];
    private readonly HashSet<StatementSyntax> _embedded = [];
    private Iteration? _iterator;
    private int _names;

    private LineStores(SyntaxTree tree, SemanticModel model, int file, IEnumerable<(int Line, int Column)> sequencePoints)
    {
        _tree = tree;
        _text = tree.GetText();
        _model = model;
        _file = file;
        var lines = _text.Lines;
        _points = sequencePoints
            .Where(p => p.Line >= 1 && p.Line <= lines.Count)
            .Select(p => lines[p.Line - 1].Start + p.Column - 1)
            .Distinct()
            .Order()
            .ToArray();
    }

    /// <summary>The text of <paramref name="tree"/> with its line stores, as file number <paramref name="file"/> of the script, whose compiled code has <paramref name="sequencePoints"/> in this file (1-based lines and columns, from its PDB).</summary>
    /// <remarks>
    /// A statement gets a store only when its code has a sequence point of its own, and stores that point's line: the
    /// compiler folds a statement whose value stays on the stack into the one before it (<c>var t = s.Trim();</c> then
    /// <c>return long.Parse(t);</c>), and hdnr's stack trace then names the earlier line, as the native executable does.
    /// </remarks>
    public static string Rewrite(SyntaxTree tree, SemanticModel model, int file, IEnumerable<(int Line, int Column)> sequencePoints)
    {
        var stores = new LineStores(tree, model, file, sequencePoints);
        stores.Visit(tree.GetRoot());
        return stores.Apply();
    }

    /// <summary>Top-level statements and the script's variables (fields, set in order with the statements): a store before each, as a statement of its own.</summary>
    public override void VisitCompilationUnit(CompilationUnitSyntax node)
    {
        foreach (var member in node.Members)
        {
            if (member is GlobalStatementSyntax global)
                StoreBefore(global.Statement);
            else if (member is FieldDeclarationSyntax field && Point(field.SpanStart, OwnEnd(field)) is >= 0 and var point)
                Insert(field.SpanStart, Nesting(field), opens: true, Store(Line(point)));
        }
        base.VisitCompilationUnit(node);
    }

    public override void VisitBlock(BlockSyntax node)
    {
        foreach (var statement in node.Statements)
            StoreBefore(statement);
        base.VisitBlock(node);
    }

    public override void VisitSwitchSection(SwitchSectionSyntax node)
    {
        foreach (var statement in node.Statements)
            StoreBefore(statement);
        base.VisitSwitchSection(node);
    }

    public override void VisitIfStatement(IfStatementSyntax node)
    {
        Embedded(node.Statement, "");
        base.VisitIfStatement(node);
    }

    public override void VisitElseClause(ElseClauseSyntax node)
    {
        Embedded(node.Statement, "");
        base.VisitElseClause(node);
    }

    public override void VisitUsingStatement(UsingStatementSyntax node)
    {
        Embedded(node.Statement, "");
        base.VisitUsingStatement(node);
    }

    public override void VisitLockStatement(LockStatementSyntax node)
    {
        Embedded(node.Statement, "");
        base.VisitLockStatement(node);
    }

    public override void VisitFixedStatement(FixedStatementSyntax node)
    {
        Embedded(node.Statement, "");
        base.VisitFixedStatement(node);
    }

    public override void VisitWhileStatement(WhileStatementSyntax node)
    {
        LoopBody(node, node.Statement);
        base.VisitWhileStatement(node);
    }

    public override void VisitDoStatement(DoStatementSyntax node)
    {
        LoopBody(node, node.Statement);
        base.VisitDoStatement(node);
    }

    public override void VisitForStatement(ForStatementSyntax node)
    {
        LoopBody(node, node.Statement);
        base.VisitForStatement(node);
    }

    public override void VisitForEachStatement(ForEachStatementSyntax node)
    {
        LoopBody(node, node.Statement);
        base.VisitForEachStatement(node);
    }

    public override void VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        LoopBody(node, node.Statement);
        base.VisitForEachVariableStatement(node);
    }

    /// <summary>A caught exception is recorded where it was thrown, before the catch block's statements move the position, so that <c>throw;</c> reports that place.</summary>
    public override void VisitCatchClause(CatchClauseSyntax node)
    {
        if (node.Declaration is { } declaration)
        {
            string name;
            if (declaration.Identifier.IsKind(SyntaxKind.None) || declaration.Identifier.ValueText.Length == 0)
            {
                name = Name("C");
                Insert(declaration.CloseParenToken.SpanStart, Nesting(node), opens: true, " " + name);
            }
            else
            {
                name = declaration.Identifier.Text;
            }
            Insert(node.Block.OpenBraceToken.Span.End, Nesting(node.Block), opens: true, $"{Tracker}.Capture({name});");
        }
        base.VisitCatchClause(node);
    }

    /// <summary>A finally block that runs while an exception unwinds must not move the position the exception is reported at.</summary>
    public override void VisitFinallyClause(FinallyClauseSyntax node)
    {
        var saved = Name("F");
        Insert(node.Block.OpenBraceToken.Span.End, Nesting(node.Block), opens: true, $"var {saved}={Tracker}.At;");
        Insert(node.Block.CloseBraceToken.SpanStart, Nesting(node.Block), opens: false, $"{Tracker}.At={saved};");
        base.VisitFinallyClause(node);
    }

    public override void VisitMethodDeclaration(MethodDeclarationSyntax node) => InMember(node, () => base.VisitMethodDeclaration(node));

    public override void VisitConstructorDeclaration(ConstructorDeclarationSyntax node) => InMember(node, () => base.VisitConstructorDeclaration(node));

    public override void VisitDestructorDeclaration(DestructorDeclarationSyntax node) => InMember(node, () => base.VisitDestructorDeclaration(node));

    public override void VisitOperatorDeclaration(OperatorDeclarationSyntax node) => InMember(node, () => base.VisitOperatorDeclaration(node));

    public override void VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
        InMember(node, () => base.VisitConversionOperatorDeclaration(node));

    public override void VisitAccessorDeclaration(AccessorDeclarationSyntax node) =>
        InFunction(node.Body, node.ExpressionBody, node.SemicolonToken, () => _model.GetDeclaredSymbol(node), () => base.VisitAccessorDeclaration(node));

    public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) =>
        InFunction(node.Body, node.ExpressionBody, node.SemicolonToken, () => _model.GetDeclaredSymbol(node) as IMethodSymbol, () => base.VisitLocalFunctionStatement(node));

    private void InMember(BaseMethodDeclarationSyntax node, Action visit) =>
        InFunction(node.Body, node.ExpressionBody, node.SemicolonToken, () => _model.GetDeclaredSymbol(node), visit);

    // Visits a function's body with the function's iteration (null when it is no iterator), then restores the outer one.
    private void InFunction(BlockSyntax? body, ArrowExpressionClauseSyntax? arrow, SyntaxToken semicolon, Func<IMethodSymbol?> symbol, Action visit)
    {
        var outer = _iterator;
        _iterator = Function(body, arrow, semicolon, symbol);
        visit();
        _iterator = outer;
    }

    /// <summary><c>T P =&gt; e;</c> becomes <c>T P {get{...return e;...}}</c>.</summary>
    public override void VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        if (node.ExpressionBody is { } body)
            Getter(body, node.SemicolonToken, _model.GetDeclaredSymbol(node)?.GetMethod);
        base.VisitPropertyDeclaration(node);
    }

    public override void VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        if (node.ExpressionBody is { } body)
            Getter(body, node.SemicolonToken, _model.GetDeclaredSymbol(node)?.GetMethod);
        base.VisitIndexerDeclaration(node);
    }

    public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var outer = _iterator;
        _iterator = null;
        if (Lambda(node))
            base.VisitParenthesizedLambdaExpression(node);
        _iterator = outer;
    }

    public override void VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var outer = _iterator;
        _iterator = null;
        if (Lambda(node))
            base.VisitSimpleLambdaExpression(node);
        _iterator = outer;
    }

    public override void VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var outer = _iterator;
        _iterator = null;
        if (Lambda(node))
            base.VisitAnonymousMethodExpression(node);
        _iterator = outer;
    }

    /// <summary>Wraps a lambda's body, unless it becomes an expression tree (then nothing in it is touched: returns false).</summary>
    private bool Lambda(AnonymousFunctionExpressionSyntax node)
    {
        if (_model.GetTypeInfo(node).ConvertedType is not { TypeKind: TypeKind.Delegate })
            return false;
        if (node.Block is { } block)
        {
            Wrap(block);
        }
        else if (node is LambdaExpressionSyntax { ExpressionBody: { } expression } lambda
                 && _model.GetSymbolInfo(node).Symbol is IMethodSymbol method)
        {
            var (open, close) = Around(expression, method);
            Insert(lambda.ArrowToken.Span.End, Nesting(node), opens: true, open);
            Insert(expression.Span.End, Nesting(node), opens: false, close);
        }
        return true;
    }

    /// <summary>Wraps a function's body, or for an iterator, saves its caller's position to give back at each <c>yield</c>; returns the iterator's context, null for other functions.</summary>
    private Iteration? Function(BlockSyntax? body, ArrowExpressionClauseSyntax? arrow, SyntaxToken semicolon, Func<IMethodSymbol?> symbol)
    {
        if (body is not null)
        {
            if (!IsIterator(body))
            {
                Wrap(body);
                return null;
            }
            // Saved when MoveNext starts the body and again each time it resumes after a yield: the caller's position.
            var iteration = new Iteration(Name("S"), symbol() is { } iterator ? ElementType(iterator, body.SpanStart) : null);
            Insert(body.OpenBraceToken.Span.End, Nesting(body), opens: true, $"var {iteration.Saved}={Tracker}.At;");
            Insert(body.CloseBraceToken.SpanStart, Nesting(body), opens: false, $"{Tracker}.At={iteration.Saved};");
            return iteration;
        }
        if (arrow is not null && !semicolon.IsKind(SyntaxKind.None) && !semicolon.IsMissing && symbol() is { } method)
        {
            var (open, close) = Around(arrow.Expression, method);
            Replace(arrow.ArrowToken.Span, open);
            Replace(semicolon.Span, close);
        }
        return null;
    }

    /// <summary><c>yield return e;</c> gives the caller its position back once <c>e</c> is evaluated, and saves it again when the iterator resumes.</summary>
    public override void VisitYieldStatement(YieldStatementSyntax node)
    {
        if (node.IsKind(SyntaxKind.YieldReturnStatement) && _iterator is { } iteration && node.Expression is { } value)
        {
            if (iteration.Type is { } type)
            {
                Insert(value.SpanStart, Nesting(node), opens: true, $"{Tracker}.Yield<{type}>({iteration.Saved},");
                Insert(value.Span.End, Nesting(node), opens: false, ")");
            }
            if (!_embedded.Contains(node))
                Insert(node.Span.End, Nesting(node), opens: false, Resume(node));
        }
        base.VisitYieldStatement(node);
    }

    /// <summary>What goes after a <c>yield return</c> of the iterator being visited: the save of the caller's position on resuming.</summary>
    private string Resume(StatementSyntax statement) =>
        statement.IsKind(SyntaxKind.YieldReturnStatement) && _iterator is { } iteration ? $"{iteration.Saved}={Tracker}.At;" : "";

    /// <summary>The type an iterator yields, as source at <paramref name="position"/> names it; null when it cannot be named (an anonymous type).</summary>
    private string? ElementType(IMethodSymbol iterator, int position)
    {
        var element = iterator.ReturnType is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            ? named.TypeArguments[0]
            : _model.Compilation.GetSpecialType(SpecialType.System_Object);
        return Nameable(element) ? element.ToMinimalDisplayString(_model, position) : null;
    }

    private static bool Nameable(ITypeSymbol type) => type switch
    {
        { IsAnonymousType: true } or { TypeKind: TypeKind.Error } => false,
        IArrayTypeSymbol array => Nameable(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.All(Nameable),
        _ => true,
    };

    private void Getter(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, IMethodSymbol? getter)
    {
        if (getter is null || semicolon.IsKind(SyntaxKind.None) || semicolon.IsMissing)
            return;
        var (open, close) = Around(arrow.Expression, getter);
        Replace(arrow.ArrowToken.Span, "{get" + open);
        Replace(semicolon.Span, close + "}");
    }

    /// <summary>The text that makes an expression body a wrapped block: before the expression, and after it (including the <c>;</c>).</summary>
    private (string Open, string Close) Around(ExpressionSyntax expression, IMethodSymbol method)
    {
        var saved = Name("L");
        var caught = Name("E");
        var returns = expression is not ThrowExpressionSyntax && ReturnsValue(method);
        var open = $"{{var {saved}={Tracker}.At;try{{{Store(Line(expression.SpanStart))}" + (returns ? "return " : "");
        var close = $";}}catch(global::System.Exception {caught}) when ({Tracker}.Capture({caught})){{throw;}}finally{{{Tracker}.At={saved};}}}}";
        return (open, close);
    }

    private static bool ReturnsValue(IMethodSymbol method) =>
        method.IsAsync ? method.ReturnType is INamedTypeSymbol { IsGenericType: true } : !method.ReturnsVoid;

    /// <summary>Wraps a function's block body: the position is given back when it returns, and recorded when an exception leaves it.</summary>
    private void Wrap(BlockSyntax body)
    {
        var saved = Name("L");
        var caught = Name("E");
        Insert(body.OpenBraceToken.Span.End, Nesting(body), opens: true, $"var {saved}={Tracker}.At;try{{");
        Insert(body.CloseBraceToken.SpanStart, Nesting(body), opens: false,
            $"}}catch(global::System.Exception {caught}) when ({Tracker}.Capture({caught})){{throw;}}finally{{{Tracker}.At={saved};}}");
    }

    private static bool IsIterator(BlockSyntax body) =>
        body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .Any(n => n is YieldStatementSyntax);

    /// <summary>A loop's body stores the loop's header at its end, where the next iteration's <c>MoveNext</c> or condition runs.</summary>
    private void LoopBody(StatementSyntax loop, StatementSyntax body)
    {
        var header = Store(HeaderLine(loop));
        if (body is BlockSyntax block)
            Insert(block.CloseBraceToken.SpanStart, Nesting(block) + 1, opens: false, header);
        else
            Embedded(body, header);
    }

    /// <summary>An embedded statement (not in a block) gets braces around it when something must be stored before or after it.</summary>
    private void Embedded(StatementSyntax statement, string after)
    {
        if (statement is BlockSyntax)
            return;
        _embedded.Add(statement);
        var before = StoreFor(statement);
        after = Resume(statement) + after;
        if (before.Length == 0 && after.Length == 0)
            return;
        Insert(statement.SpanStart, Nesting(statement), opens: true, "{" + before);
        Insert(statement.Span.End, Nesting(statement), opens: false, after + "}");
    }

    private void StoreBefore(StatementSyntax statement)
    {
        var store = StoreFor(statement);
        if (store.Length > 0)
            Insert(statement.SpanStart, Nesting(statement), opens: true, store);
    }

    /// <summary>The store that goes before <paramref name="statement"/>, or nothing for statements that cannot throw (or hold statements that store).</summary>
    private string StoreFor(StatementSyntax statement)
    {
        switch (statement)
        {
            case BlockSyntax or EmptyStatementSyntax or LocalFunctionStatementSyntax or TryStatementSyntax or CheckedStatementSyntax
                or UnsafeStatementSyntax or BreakStatementSyntax or GotoStatementSyntax or DoStatementSyntax:
            case ReturnStatementSyntax { Expression: null }:
                return "";
            case YieldStatementSyntax { RawKind: (int)SyntaxKind.YieldBreakStatement }:
                return _iterator is { } iteration ? $"{Tracker}.At={iteration.Saved};" : "";
            case ContinueStatementSyntax:
                return statement.Ancestors().TakeWhile(a => !IsFunction(a)).FirstOrDefault(IsLoop) is StatementSyntax loop
                    ? Store(HeaderLine(loop))
                    : "";
            case LabeledStatementSyntax labeled:
                return StoreFor(labeled.Statement);
        }
        var own = OwnEnd(statement);
        // A foreach runs its collection expression first (GetEnumerator), though the loop variable comes first in the text.
        var point = statement is CommonForEachStatementSyntax forEach && Point(forEach.Expression.SpanStart, forEach.Expression.Span.End) is >= 0 and var collection
            ? collection
            : Point(statement.SpanStart, own);
        if (point < 0)
            return "";
        return statement is ThrowStatementSyntax { Expression: not null }
            ? Store(Line(point)) + $"{Tracker}.Forget();"
            : Store(Line(point));
    }

    /// <summary>Where the code of <paramref name="node"/> itself ends: at the first statement nested in it, or the body of the first function.</summary>
    private static int OwnEnd(SyntaxNode node) =>
        node.DescendantNodes(n => n == node || n is not (StatementSyntax or AnonymousFunctionExpressionSyntax))
            .FirstOrDefault(n => n != node && n is StatementSyntax or AnonymousFunctionExpressionSyntax) switch
        {
            AnonymousFunctionExpressionSyntax function => function.Body.SpanStart,
            { } nested => nested.SpanStart,
            null => node.Span.End,
        };

    /// <summary>The first sequence point at or after <paramref name="start"/> and before <paramref name="end"/>, or -1.</summary>
    private int Point(int start, int end)
    {
        var index = Array.BinarySearch(_points, start);
        if (index < 0) index = ~index;
        return index < _points.Length && _points[index] < end ? _points[index] : -1;
    }

    /// <summary>The line of the code a loop runs before each iteration: <c>in</c> (<c>MoveNext</c>), the condition.</summary>
    private int HeaderLine(StatementSyntax loop)
    {
        var (start, end) = loop switch
        {
            CommonForEachStatementSyntax forEach => (forEach.InKeyword.SpanStart, forEach.InKeyword.Span.End),
            WhileStatementSyntax whileLoop => (whileLoop.WhileKeyword.SpanStart, whileLoop.CloseParenToken.Span.End),
            DoStatementSyntax doLoop => (doLoop.WhileKeyword.SpanStart, doLoop.SemicolonToken.Span.End),
            ForStatementSyntax { Condition: { } condition } => (condition.SpanStart, condition.Span.End),
            _ => (loop.SpanStart, loop.SpanStart),
        };
        var point = Point(start, end);
        return Line(point >= 0 ? point : start);
    }

    private static bool IsLoop(SyntaxNode node) =>
        node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax;

    private static bool IsFunction(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax
            or AnonymousFunctionExpressionSyntax or ArrowExpressionClauseSyntax or CompilationUnitSyntax;

    private string Store(int line) =>
        string.Create(CultureInfo.InvariantCulture, $"{Tracker}.At={ScriptLine.Position(_file, line)};");

    private int Line(int position) => _text.Lines.GetLineFromPosition(position).LineNumber + 1;

    private static int Nesting(SyntaxNode node)
    {
        var depth = 0;
        for (var parent = node.Parent; parent is not null; parent = parent.Parent) depth++;
        return depth;
    }

    private string Name(string kind) => string.Create(CultureInfo.InvariantCulture, $"__hdnr{kind}{_names++}");

    private void Insert(int position, int depth, bool opens, string text) =>
        _edits.Add(new Edit(position, 0, text, opens, depth, _edits.Count));

    private void Replace(TextSpan span, string text) =>
        _edits.Add(new Edit(span.Start, span.Length, text, Opens: false, Depth: 0, _edits.Count));

    /// <summary>The file's text with the edits made: at one position, closing text before opening text, inner closings first and outer openings first, so that insertions nest; a replacement after the insertions at its start.</summary>
    private string Apply()
    {
        var original = _text.ToString();
        var ordered = _edits
            .OrderBy(e => e.Position)
            .ThenBy(e => e.Length > 0 ? 2 : e.Opens ? 1 : 0)
            .ThenBy(e => e.Opens ? e.Depth : -e.Depth)
            .ThenBy(e => e.Sequence);
        var result = new StringBuilder(original.Length + _edits.Count * 48);
        var at = 0;
        foreach (var edit in ordered)
        {
            if (edit.Position < at)
                throw new InvalidOperationException($"{_tree.FilePath}: overlapping edits at {edit.Position}");
            result.Append(original, at, edit.Position - at).Append(edit.Text);
            at = edit.Position + edit.Length;
        }
        return result.Append(original, at, original.Length - at).ToString();
    }

    private readonly record struct Edit(int Position, int Length, string Text, bool Opens, int Depth, int Sequence);

    /// <summary>The iterator being visited: the local that holds its caller's position, and the type it yields as source names it (null: unnameable, not given back at a yield).</summary>
    private sealed record Iteration(string Saved, string? Type);
}
