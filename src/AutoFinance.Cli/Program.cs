return AutoFinance.Cli.CliApp.Run(args, Console.Out, Console.Error, TimeProvider.System);
