using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>Stores a timestamp as UTC ticks on SQLite, which cannot order or compare offset timestamps stored as text.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    stored => new DateTimeOffset(stored, TimeSpan.Zero));
