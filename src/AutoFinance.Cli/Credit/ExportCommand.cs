using System.CommandLine;
using System.Text;
using AutoFinance.Cli.Common;
using AutoFinance.Credit.Export;

namespace AutoFinance.Cli.Credit;

/// <summary>
/// <c>autofinance export --model MODEL.json --format pmml|sql|csv</c>: the scorecard as a PMML 4.4 Scorecard (with
/// reason codes), as one SQL expression that scores a row in any database, or as the readable table.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "Model JSON written by train.", Required = true };
        var format = new Option<string>("--format") { Description = "pmml, sql, csv, or ebm-shapes (the explainable boosting machine's shape functions).", Required = true };
        var table = new Option<string?>("--table") { Description = "Table the SQL reads (default applications)." };
        var output = new Option<string?>("--out") { Description = "File to write (default: print)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document (the export itself as content when not written to a file)." };
        var command = new Command("export", "Export a scorecard as PMML 4.4, a SQL CASE expression, or a CSV table.") { model, format, table, output, json };
        command.SetAction(parsed =>
        {
            var kind = parsed.GetValue(format)!.Trim().ToLowerInvariant();
            if (kind is not ("pmml" or "sql" or "csv" or "ebm-shapes"))
            {
                throw new BadInputException($"--format: '{kind}' is not pmml, sql, csv or ebm-shapes");
            }

            var document = CreditInput.LoadModel(parsed.GetValue(model)!);
            if (kind == "ebm-shapes" && document.Ebm is null)
            {
                throw new BadInputException("--format: the model holds no explainable boosting machine (train with --model ebm or --with-ebm)");
            }

            // A gradient-boosting or boosting-machine model scores with its trees, not with the scorecard it carries
            // beside them: an export of that scorecard would not score as the model does.
            if (kind != "ebm-shapes" && document.Kind != "scorecard")
            {
                throw new BadInputException($"--format: {kind} exports a scorecard, and this is a {document.Kind} model, which scores otherwise{(document.Ebm is not null ? " (ebm-shapes gives its shape functions)" : string.Empty)}");
            }

            var text = kind switch
            {
                "pmml" => PmmlExporter.Write(document),
                "sql" => SqlExporter.Write(document, parsed.GetValue(table) ?? "applications"),
                "ebm-shapes" => AutoFinance.Credit.Explainable.EbmShapeTable.Write(document.Ebm!),
                _ => ScorecardTableCsv.Write(document),
            };
            var asJson = parsed.GetValue(json);
            if (parsed.GetValue(output) is not { } path)
            {
                if (asJson)
                {
                    return context.WriteJson(new { format = kind, document.ModelId, path = (string?)null, bytes = Encoding.UTF8.GetByteCount(text), content = text });
                }

                context.Output.Write(text);
                return CliApp.Ok;
            }

            try
            {
                File.WriteAllText(path, text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new BadInputException($"--out: cannot write '{path}': {e.Message}");
            }

            if (asJson)
            {
                return context.WriteJson(new { format = kind, document.ModelId, path = Path.GetFullPath(path), bytes = Encoding.UTF8.GetByteCount(text), content = (string?)null });
            }

            context.Output.WriteLine($"{kind} export of {document.ModelId} written to {path}");
            return CliApp.Ok;
        });
        return command;
    }
}
