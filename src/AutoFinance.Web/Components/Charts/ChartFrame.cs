namespace AutoFinance.Web.Components.Charts;

/// <summary>
/// The drawing box of a chart. Each chart is drawn twice: wide for tablets and desktops and narrow for phones (the
/// stylesheet shows one), each sized so its axis labels read at 12 px or more where it is shown.
/// </summary>
public sealed record ChartFrame(decimal Width, decimal Height, decimal Left, decimal Tick, string Css, int LabelEvery)
{
    public const decimal Right = 8m, Top = 10m;

    /// <summary>Shown at most about 720 px wide: 16-unit labels read at 12 px down to a 540 px box.</summary>
    public static ChartFrame Wide(decimal height) => new(720m, height, 64m, 16m, "wide", 12);

    /// <summary>Shown on phones, a 270 to 400 px box: 14-unit labels on a 300-unit drawing read at 12.6 px and up.</summary>
    public static ChartFrame Narrow(decimal height) => new(300m, height * 0.9m, 50m, 14m, "narrow", 24);

    public decimal Bottom => Tick + 14m;

    public decimal PlotWidth => Width - Left - Right;

    public decimal PlotHeight => Height - Top - Bottom;
}
