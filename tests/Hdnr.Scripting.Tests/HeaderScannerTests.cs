using Hdnr.Scripting.Directives;

namespace Hdnr.Scripting.Tests;

/// <summary>The doc and directives read from a script's first lines without the compiler.</summary>
public sealed class HeaderScannerTests
{
    [Fact]
    public void The_doc_is_the_leading_triple_slash_block_after_the_directives()
    {
        var header = HeaderScanner.Scan("""
            #r "nuget: Humanizer.Core, 2.14.1"
            #load "helpers.csx"
            /// Word count: counts each word of the input.
            /// Second line of the doc.
            IEnumerable<(string, int)> Map(long offset, string line)
            {
                yield break;
            }
            """);

        Assert.Equal("Word count: counts each word of the input.\nSecond line of the doc.", header.Doc);
        Assert.Equal(
            [new Directive(DirectiveKind.Reference, "nuget: Humanizer.Core, 2.14.1", 1), new Directive(DirectiveKind.Load, "helpers.csx", 2)],
            header.Directives);
    }

    [Fact]
    public void Only_one_space_after_the_slashes_is_stripped_and_blank_doc_lines_are_kept()
    {
        var header = HeaderScanner.Scan("///   indented\n///\n///no space\nvar x = 1;\n");

        Assert.Equal("  indented\n\nno space", header.Doc);
    }

    [Fact]
    public void A_block_doc_comment_loses_its_markers_and_leading_stars()
    {
        var header = HeaderScanner.Scan("#!/usr/bin/env hdnr\n/**\n * Vowel count.\n *   kept indent\n */\nvar x = 1;\n");

        Assert.Equal("Vowel count.\n  kept indent", header.Doc);
    }

    [Fact]
    public void A_one_line_block_doc_comment_is_the_doc()
    {
        Assert.Equal("Short doc.", HeaderScanner.Scan("/** Short doc. */\nvar x = 1;").Doc);
    }

    [Theory]
    [InlineData("var x = 1;\n/// too late\n")]
    [InlineData("// a plain comment\n/* and a plain block */\nvar x = 1;\n")]
    [InlineData("//// four slashes is not a doc comment\nvar x = 1;\n")]
    [InlineData("")]
    public void A_script_without_a_leading_doc_comment_has_an_empty_doc(string text)
    {
        Assert.Equal("", HeaderScanner.Scan(text).Doc);
    }

    [Fact]
    public void Only_the_first_doc_run_counts_and_plain_comments_before_it_are_skipped()
    {
        var header = HeaderScanner.Scan("// licence line\n\r\n/// First.\r\n\n/// Second run.\nvar x = 1;\n");

        Assert.Equal("First.", header.Doc);
    }

    [Fact]
    public void Scanning_stops_at_the_first_code_token()
    {
        var header = HeaderScanner.Scan("""
            #nullable enable
            # load "spaced.csx" // allowed by C#
            #r "lib/My.dll"
            using System.Text;
            #load "after-code.csx"
            """);

        Assert.Equal(
            [new Directive(DirectiveKind.Load, "spaced.csx", 2), new Directive(DirectiveKind.Reference, "lib/My.dll", 3)],
            header.Directives);
    }

    [Fact]
    public void A_byte_order_mark_does_not_hide_the_first_line()
    {
        var header = HeaderScanner.Scan("\uFEFF#load \"a.csx\"\n/// Doc.\n");

        Assert.Equal([new Directive(DirectiveKind.Load, "a.csx", 1)], header.Directives);
        Assert.Equal("Doc.", header.Doc);
    }
}
