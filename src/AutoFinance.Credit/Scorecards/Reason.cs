using AutoFinance.Credit.Binning;

namespace AutoFinance.Credit.Scorecards;

/// <summary>A characteristic that pulled the score down: how many points short of its best bin it fell, and why.</summary>
public readonly record struct Reason(int Characteristic, int Bin, double PointsBelowMax, MatchNote Note);
