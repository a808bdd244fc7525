using System.Globalization;
using AutoFinance.Domain.Documents;
using AutoFinance.Infrastructure.Seeding;
using SkiaSharp;

namespace AutoFinance.Web.Tests.Ocr;

/// <summary>
/// Renders made-up ID-card fronts in the layout of the second-generation resident card (name; sex and ethnicity;
/// birth date; an address wrapped over lines; the number), plus the validity line, in one of the Chinese fonts
/// test.sh installs, with a varied background, pixel noise, blur, a rotation of up to 5° and JPEG compression.
/// The same seed gives the same card.
/// </summary>
internal static class SyntheticIdCards
{
    public const int Width = 856;
    public const int Height = 540;

    private static readonly (string File, int Index)[] Fonts =
    [
        ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
        ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
        ("/usr/share/fonts/truetype/arphic/uming.ttc", 1),
        ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    ];

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string Given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬建国建华志强海燕文博子涵浩然欣怡梓萱宇轩晨曦思远俊杰雨桐嘉怡天佑佳琪";
    private static readonly string[] Provinces = ["北京市", "上海市", "天津市", "重庆市", "广东省广州市", "浙江省杭州市", "江苏省南京市", "四川省成都市", "湖北省武汉市", "山东省济南市", "福建省厦门市", "河南省郑州市"];
    private static readonly string[] Districts = ["朝阳区", "海淀区", "浦东新区", "徐汇区", "和平区", "渝中区", "天河区", "西湖区", "鼓楼区", "武侯区", "江汉区", "历下区", "思明区", "金水区"];
    private static readonly string[] Streets = ["建国路", "中山路", "人民路", "解放大道", "长江路", "南京东路", "文化路", "和平街", "光明大街", "滨江大道", "新华路", "学院路"];
    private static readonly string[] Peoples = ["汉", "回", "满", "壮", "苗", "蒙古"];

    public sealed record Card(IdCardFields Truth, byte[] Jpeg);

    public static bool FontsInstalled => Fonts.All(f => File.Exists(f.File));

    /// <summary>A card drawn from the seed; <paramref name="holder"/> puts a given person's name and number on it (the birth date follows the number).</summary>
    public static Card Render(int seed, (string Name, string NationalId)? holder = null)
    {
        var random = new Random(seed);
        var birth = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 16000));
        var male = random.Next(2) == 0;
        var region = new[] { "110105", "310104", "440106", "330106", "510107", "420103" }[random.Next(6)];
        var sequence = (random.Next(0, 499) * 2) + (male ? 1 : 0);
        var nationalId = DemoIdentities.NationalId(region, birth, sequence);
        var name = string.Concat(Pick(random, Surnames), Pick(random, Given), random.Next(3) == 0 ? "" : Pick(random, Given));
        if (holder is { } person)
        {
            (name, nationalId) = person;
            birth = AutoFinance.Domain.Origination.ResidentId.BirthDate(nationalId) ?? birth;
        }

        var address = $"{Provinces[random.Next(Provinces.Length)]}{Districts[random.Next(Districts.Length)]}{Streets[random.Next(Streets.Length)]}{random.Next(1, 300)}号"
            + (random.Next(2) == 0 ? $"{random.Next(1, 30)}号楼{random.Next(1, 6)}单元{random.Next(1, 30)}0{random.Next(1, 6)}室" : $"{random.Next(1, 20)}栋{random.Next(101, 2999)}");
        var from = new DateOnly(2010, 1, 1).AddDays(random.Next(0, 5000));
        var validity = random.Next(5) == 0 ? new IdCardValidity(from, null) : new IdCardValidity(from, from.AddYears(random.Next(2) == 0 ? 10 : 20));
        var truth = new IdCardFields(name, nationalId, address, birth, validity);

        var (fontFile, fontIndex) = Fonts[random.Next(Fonts.Length)];
        using var typeface = SKTypeface.FromFile(fontFile, fontIndex);
        using var card = new SKBitmap(Width, Height);
        using (var canvas = new SKCanvas(card))
        {
            Background(canvas, random);
            var size = 26 + random.Next(0, 5);
            using var label = new SKFont(typeface, size - 2);
            using var value = new SKFont(typeface, size);
            using var labelPaint = new SKPaint { Color = new SKColor(30, 90, 160), IsAntialias = true };
            using var valuePaint = new SKPaint { Color = new SKColor((byte)random.Next(0, 40), (byte)random.Next(0, 40), (byte)random.Next(0, 40)), IsAntialias = true };
            float left = 50 + random.Next(0, 20), valueLeft = left + 90, top = 70 + random.Next(0, 15), step = size + 22;
            void Row(float y, string caption, string text, float x)
            {
                canvas.DrawText(caption, left, y, SKTextAlign.Left, label, labelPaint);
                canvas.DrawText(text, x, y, SKTextAlign.Left, value, valuePaint);
            }

            Row(top, "姓名", name, valueLeft);
            Row(top + step, "性别", male ? "男" : "女", valueLeft);
            canvas.DrawText("民族", valueLeft + 90, top + step, SKTextAlign.Left, label, labelPaint);
            canvas.DrawText(Peoples[random.Next(Peoples.Length)], valueLeft + 170, top + step, SKTextAlign.Left, value, valuePaint);
            Row(top + (2 * step), "出生", $"{birth.Year}年{birth.Month}月{birth.Day}日", valueLeft);
            var perLine = 11;
            var lines = Enumerable.Range(0, (address.Length + perLine - 1) / perLine).Select(i => address.Substring(i * perLine, Math.Min(perLine, address.Length - (i * perLine)))).ToList();
            Row(top + (3 * step), "住址", lines[0], valueLeft);
            for (var i = 1; i < lines.Count; i++)
            {
                canvas.DrawText(lines[i], valueLeft, top + (3 * step) + (i * (size + 12)), SKTextAlign.Left, value, valuePaint);
            }

            var numberY = Height - 60 - random.Next(0, 15);
            canvas.DrawText("公民身份号码", left, numberY, SKTextAlign.Left, label, labelPaint);
            canvas.DrawText(string.Join("", nationalId.Select(c => c.ToString())), left + 190, numberY, SKTextAlign.Left, value, valuePaint);
            Row(numberY - step, "有效期限", validity.ToString(), left + 120);
            using var photo = new SKPaint { Color = new SKColor(200, 205, 215) };
            canvas.DrawRect(Width - 260, 60, 200, 250, photo);
        }

        return new Card(truth, Distort(card, random));
    }

    private static string Pick(Random random, string characters) => characters[random.Next(characters.Length)].ToString();

    private static void Background(SKCanvas canvas, Random random)
    {
        var tint = new SKColor((byte)random.Next(225, 250), (byte)random.Next(230, 250), (byte)random.Next(235, 255));
        using var paint = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(Width, Height), [tint, new SKColor(245, 240, 228)], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, Width, Height, paint);
        using var pattern = new SKPaint { Color = new SKColor(180, 200, 225, 60), IsStroke = true, StrokeWidth = 1, IsAntialias = true };
        for (var i = 0; i < 12; i++)
        {
            canvas.DrawCircle(random.Next(Width), random.Next(Height), random.Next(40, 200), pattern);
        }
    }

    /// <summary>Rotation up to 5° each way on a grey table, noise, blur and JPEG compression.</summary>
    private static byte[] Distort(SKBitmap card, Random random)
    {
        var angle = (float)((random.NextDouble() * 10) - 5);
        var sigma = (float)(random.NextDouble() * 1.2);
        using var photo = new SKBitmap(Width + 80, Height + 80);
        using (var canvas = new SKCanvas(photo))
        {
            canvas.Clear(new SKColor(120, 120, 125));
            canvas.Translate(photo.Width / 2f, photo.Height / 2f);
            canvas.RotateDegrees(angle);
            canvas.Translate(-Width / 2f, -Height / 2f);
            using var blur = sigma > 0.2f ? SKImageFilter.CreateBlur(sigma, sigma) : null;
            using var paint = new SKPaint { ImageFilter = blur };
            using var image = SKImage.FromBitmap(card);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), paint);
        }

        var amplitude = random.Next(4, 22);
        var pixels = photo.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            var n = random.Next(-amplitude, amplitude + 1);
            var p = pixels[i];
            pixels[i] = new SKColor(Clamp(p.Red + n), Clamp(p.Green + n), Clamp(p.Blue + n));
        }

        photo.Pixels = pixels;
        using var encoded = photo.Encode(SKEncodedImageFormat.Jpeg, random.Next(70, 95));
        return encoded.ToArray();
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    public static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
