namespace AutoFinance.Simulator;

/// <summary>The simulator's entry point, named in its own namespace so the platform that carries it keeps its <c>Program</c>.</summary>
public static class SimulatorProgram
{
    public static async Task Main(string[] args)
    {
        var app = SimulatorHost.Build(args);
        await SimulatorHost.RunAsync(app);
    }
}
