using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(AutoFinance.Benchmarks.Schedules.ScheduleBenchmarks).Assembly).Run(args);
