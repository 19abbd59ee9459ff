using Hdnr.Cli;

// Hadoop starts one hdnr per task and reads its exit code: every failure ends here as one.
return Failures.Run(() => HdnrCommand.Execute(args));
