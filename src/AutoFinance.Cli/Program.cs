return AutoFinance.Cli.CliApp.Run(args, Console.Out, Console.Error, AutoFinance.Application.Common.BusinessClock.OfSystem());
