namespace AutoFinance.Web.Tests.Ocr;

/// <summary>The PP-OCR models in the repository's models/ocr/ (fetched by scripts/fetch-ocr-models.sh, which test.sh runs).</summary>
internal static class OcrModels
{
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, "models", "ocr");
            if (Infrastructure.Ocr.IdCardReader.ModelsIn(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
