using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Tests.Origination;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>The platform without rate limits: the fuzz test sends thousands of requests as one caller.</summary>
public sealed class UnlimitedPlatform : SqlitePlatform
{
    // The service desk's background check is off: it writes on its own clock, and every write here must be a request's.
    protected override IEnumerable<string> Arguments => ["--Security:RateLimits:Enabled=false", "--ServiceDesk:EscalationCheckSeconds=0"];
}

/// <summary>
/// Thousands of generated requests (seeded, so a failure can be replayed) to every operation that takes a body or
/// parameters: malformed, truncated and oversized JSON, wrong types, boundary numbers, Unicode edge cases, garbage in
/// the path, the query and the Idempotency-Key. Never a 5xx; and a refused request leaves every main table as it was.
/// </summary>
[RunsLong]
public sealed class FuzzTests(UnlimitedPlatform platform) : IClassFixture<UnlimitedPlatform>
{
    private const int Seed = 20261124;
    private const int RequestsPerOperation = 100;

    /// <summary>Operations only a customer may call: fuzzed as customer A.</summary>
    private static readonly string[] CustomersOnly = ["POST /api/v1/assistant", "POST /api/v1/surveys/{id}/answer"];

    /// <summary>Operations that do a lot of work when they succeed (a whole end-of-day): fewer requests.</summary>
    private static readonly Dictionary<string, int> Expensive = new()
    {
        ["POST /api/v1/cob"] = 40,
    };

    private static readonly string[] NastyValues =
    [
        "null", "true", "false", "0", "-1", "1e309", "-1e309", "1.7976931348623157e308", "79228162514264337593543950336",
        "0.0000000000000000000000000001", "123456789012345678901234567890.123", "-0", "0.001", "2147483648", "-2147483649",
        "9223372036854775808", "[]", "{}", "[[[[[[[[]]]]]]]]", "{\"a\":{\"b\":{\"c\":[1,{}]}}}", "\"\"", "\" \"",
        "\"" + new string('x', 5000) + "\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u202e\\u200b\"",
        "\"𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀\"", "\"Ω\\u0301\"", "\"１２３\"", "\"2026-02-30\"", "\"9999-12-31\"", "\"0001-01-01\"", "\"-1\"",
        "\"1e3\"", "\"NaN\"", "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"", "\"../../etc/passwd\"", "\"%00\"",
        "\"11010519880314011X\"", "\"13800138000\"", "\"approve\"", "\"decline\"", "\"annuity\"", "\"hold\"", "\"prepay\"",
        "12.345", "100000000000", "-0.01", "1", "36", "\"100\"", "\"1e2\"", "\"0.01\"",
    ];

    private static readonly string[] RawBodies =
    [
        "", " ", "{", "}", "[", "{\"a\":", "nul", "{\"a\":1,\"a\":2}", "{} {}", "/* c */ {}", "\"just a string\"", "42",
        "{\"amount\": 1.00,}", "{'single': 'quotes'}", "\uFEFF{}", new string('[', 5000) + new string(']', 5000),
        "{\"x\":\"" + new string('a', 70 * 1024) + "\"}", "{\"amount\": 1e999999}", "{\"applicant\": {\"nationalId\": 1}}",
        "{\"amount\":1.00,\"amount\":99999.00}", "{\"amount\":\"1e2\"}", "{\"amount\":\"100\"}",
    ];

    private static readonly string[] NastyQueryValues =
    [
        "", "abc", "-1", "0", "99999999999", "2026-13-01", "2026-02-30", "%25", "😀", "1e3", new string('9', 400), "null", "true", "approved", "2026-11-24",
    ];

    private static readonly string[] NastySegments =
    [
        "not-a-guid", "00000000-0000-0000-0000-000000000000", "..%2F..%2Fetc", "%00", new string('a', 3000), "%F0%9F%98%80", "1", "-1", "%20",
    ];

    [Fact]
    public async Task Generated_bad_requests_never_answer_5xx_and_refused_ones_change_nothing()
    {
        var world = await TrustWorld.OfAsync(platform);
        using var admin = await Client("admin", null);
        using var dealer = await Client(null, DemoData.DealerKey);
        using var customer = await Client(TrustWorld.CustomerAUserName, null);
        var random = new Random(Seed);
        // Signing out would end the callers' sessions; wrong current passwords lock the caller's account by design
        // (PasswordChangeScenarios covers that operation's bad input).
        string[] spared = ["POST /api/v1/auth/logout", "POST /api/v1/auth/password"];
        var operations = (await OpenApiOperations.ReadAsync(admin))
            .Where(o => !spared.Contains(o.Key) && o.Method is "POST" or "PUT" or "PATCH" || (o.Method == "GET" && o.Parameters.Any()))
            .ToList();
        Assert.True(operations.Count >= 10, "the OpenAPI document lists too few operations to fuzz");

        var failures = new List<string>();
        var counts = await world.RowCountsAsync();
        var sent = 0;
        foreach (var operation in operations)
        {
            var client = operation.Key.EndsWith("/accept", StringComparison.Ordinal) ? dealer : CustomersOnly.Contains(operation.Key) ? customer : admin;
            for (var i = 0; i < Expensive.GetValueOrDefault(operation.Key, RequestsPerOperation); i++)
            {
                using var request = Generate(random, operation, world);
                var description = $"#{i} {request.Method} {Truncate(request.RequestUri!.ToString())} body {Truncate(request.Content is null ? "-" : await request.Content.ReadAsStringAsync())}";
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request);
                }
                catch (HttpRequestException e)
                {
                    // The server may close a connection that sent a body over the limit; that is a refusal, not a failure.
                    Assert.True(request.Content is not null && (request.Content.Headers.ContentLength ?? 0) > 64 * 1024, $"{description}: {e.Message} {e.InnerException?.Message}");
                    continue;
                }

                sent++;
                using (response)
                {
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        failures.Add($"{status} {description}: {Truncate(await response.Content.ReadAsStringAsync())}");
                        continue;
                    }

                    var after = await world.RowCountsAsync();
                    if (status >= 400)
                    {
                        // A failed sign-in is audited and counted against the name by design: that is its only trace.
                        string[] traced = operation.Key == "POST /api/v1/auth/token" ? new[] { "audit entries" } : [];
                        foreach (var (table, count) in after.Where(c => counts[c.Key] != c.Value && !traced.Contains(c.Key)))
                        {
                            failures.Add($"{status} {description}: {table} went from {counts[table]} to {count}");
                        }
                    }

                    counts = after;
                }
            }
        }

        Assert.True(sent > 2_000, $"only {sent} requests were sent");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed (seed {Seed}):{Environment.NewLine}" + string.Join(Environment.NewLine, failures.Take(40)));
    }

    [Fact]
    public async Task Every_operation_refuses_a_property_given_twice_and_a_number_sent_as_a_string()
    {
        var world = await TrustWorld.OfAsync(platform);
        using var admin = await Client("admin", null);
        using var dealer = await Client(null, DemoData.DealerKey);
        using var customer = await Client(TrustWorld.CustomerAUserName, null);
        var operations = (await OpenApiOperations.ReadAsync(admin)).Where(o => o.Method is "POST" or "PUT" or "PATCH" && Sample(o.Key, world) != "{}").ToList();
        Assert.True(operations.Count >= 20, $"only {operations.Count} operations take a sample body");

        var failures = new List<string>();
        var counts = await world.RowCountsAsync();
        var checkedBodies = 0;
        foreach (var operation in operations)
        {
            var client = operation.Key.EndsWith("/accept", StringComparison.Ordinal) ? dealer : CustomersOnly.Contains(operation.Key) ? customer : admin;
            var (id, second) = Targets(operation.Path, world);
            var path = operation.Path.Replace("{id}", id, StringComparison.Ordinal).Replace("{offerId}", second, StringComparison.Ordinal).Replace("{paymentId}", second, StringComparison.Ordinal);
            foreach (var (body, field, why) in StrictnessCases(Sample(operation.Key, world)))
            {
                checkedBodies++;
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                if (status < 400 || status >= 500)
                {
                    failures.Add($"{status} {operation.Key} with {why}: {Truncate(body)} → {Truncate(text)}");
                }
                else if (status == 400 && !text.Contains($"{field}\"", StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"400 {operation.Key} with {why} does not name {field}: {Truncate(text)}");
                }

                var after = await world.RowCountsAsync();
                failures.AddRange(after.Where(c => counts[c.Key] != c.Value).Select(c => $"{status} {operation.Key} with {why}: {c.Key} went from {counts[c.Key]} to {c.Value}"));
                counts = after;
            }
        }

        Assert.True(checkedBodies > 40, $"only {checkedBodies} bodies were checked");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedBodies} strictness checks failed:{Environment.NewLine}" + string.Join(Environment.NewLine, failures.Take(40)));
    }

    [Fact]
    public async Task Crafted_races_and_return_addresses_never_answer_5xx()
    {
        using var admin = await Client("admin", null);
        using var manager = await Client("manager", null);
        using var otherManager = await Client("manager", null);
        for (var round = 0; round < 6; round++)
        {
            var vin = DemoIdentities.Vin("LFV2A21K", 'S', (3_555_000 + round).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var asked = await admin.PostAsJsonAsync("/api/v1/admin/blacklist", new { kind = "vin", value = vin, reason = "fuzz race" });
            var approval = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetGuid();
            var approve = manager.PostAsync($"/api/v1/approvals/{approval}/approve", null);
            var reject = otherManager.PostAsJsonAsync($"/api/v1/approvals/{approval}/reject", new { reason = "fuzz race" });
            using var first = await approve;
            using var second = await reject;
            Assert.Equal(new[] { 200, 409 }, new[] { (int)first.StatusCode, (int)second.StatusCode }.Order().ToArray());
        }

        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = platform.BaseAddress };
        var controls = Enumerable.Range(0, 0x20).Append(0x7F).Select(c => $"%{c:X2}");
        foreach (var control in controls)
        {
            foreach (var back in new[] { $"/{control}", $"/loans{control}x", $"/{control}{control}Set-Cookie:%20a=b" })
            {
                using var response = await browser.GetAsync(new Uri($"/lang/en?back={back}", UriKind.Relative));
                Assert.True((int)response.StatusCode is 302 or 400, $"back={back}: {(int)response.StatusCode}");
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest || response.Headers.Location?.OriginalString == "/", $"back={back} went to {response.Headers.Location}");
            }
        }
    }

    /// <summary>
    /// The sample body with its first property given twice (the same value), and with each number in it sent as a
    /// string, each with the field a refusal must name.
    /// </summary>
    private static IEnumerable<(string Body, string Field, string Why)> StrictnessCases(string sample)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(sample)!.AsObject();
        var first = root.First();
        var text = root.ToJsonString();
        yield return (text[..^1] + $",\"{first.Key}\":{first.Value?.ToJsonString() ?? "null"}}}", first.Key, $"{first.Key} twice");
        foreach (var (parent, key) in Numbers(root))
        {
            var copy = System.Text.Json.Nodes.JsonNode.Parse(sample)!;
            var target = parent.Length == 0 ? copy.AsObject() : copy[parent]!.AsObject();
            target[key] = System.Text.Json.Nodes.JsonValue.Create(target[key]!.ToJsonString());
            yield return (copy.ToJsonString(), key, $"{key} as a string");
        }
    }

    /// <summary>Numeric properties of the object and of its objects one level down: (parent property or "", name).</summary>
    private static IEnumerable<(string Parent, string Key)> Numbers(System.Text.Json.Nodes.JsonObject root)
    {
        foreach (var (key, value) in root)
        {
            if (value is System.Text.Json.Nodes.JsonValue v && v.GetValueKind() == JsonValueKind.Number)
            {
                yield return (string.Empty, key);
            }
            else if (value is System.Text.Json.Nodes.JsonObject child)
            {
                foreach (var (inner, innerValue) in child)
                {
                    if (innerValue is System.Text.Json.Nodes.JsonValue iv && iv.GetValueKind() == JsonValueKind.Number)
                    {
                        yield return (key, inner);
                    }
                }
            }
        }
    }

    private static HttpRequestMessage Generate(Random random, OpenApiOperations.Operation operation, TrustWorld world)
    {
        var (id, second) = Targets(operation.Path, world);
        var path = operation.Path.Replace("{id}", Segment(random, id), StringComparison.Ordinal)
            .Replace("{offerId}", Segment(random, second), StringComparison.Ordinal)
            .Replace("{paymentId}", Segment(random, second), StringComparison.Ordinal)
            .Replace("{date}", random.NextDouble() < 0.5 ? Segment(random, DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : Uri.EscapeDataString(NastyQueryValues[random.Next(NastyQueryValues.Length)]), StringComparison.Ordinal);
        var query = operation.Parameters.Where(p => p.In == "query" && random.NextDouble() < 0.7)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(NastyQueryValues[random.Next(NastyQueryValues.Length)])}").ToList();
        if (random.NextDouble() < 0.1)
        {
            query.Add("unexpected=" + Uri.EscapeDataString(NastyQueryValues[random.Next(NastyQueryValues.Length)]));
        }

        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty));
        if (operation.Method is "POST" or "PUT" or "PATCH")
        {
            var body = random.NextDouble() switch
            {
                < 0.1 => Duplicate(random, Sample(operation.Key, world)),
                < 0.55 => Mutate(random, Sample(operation.Key, world)),
                < 0.85 => RawBodies[random.Next(RawBodies.Length)],
                _ => NastyValues[random.Next(NastyValues.Length)],
            };
            var contentType = random.NextDouble() switch
            {
                < 0.85 => "application/json",
                < 0.9 => "text/plain",
                < 0.95 => "application/xml",
                _ => null,
            };
            request.Content = new ByteArrayContent(random.NextDouble() < 0.03 ? [0xFF, 0xFE, 0x7B, 0xC3, 0x28, 0x7D] : Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = random.NextDouble() < 0.05 ? "utf-16" : null };
            }

            // An oversized body may be refused before it is read, and the server then drops the connection: it is not
            // reused, so the next request does not inherit the drop.
            request.Headers.ExpectContinue = request.Content.Headers.ContentLength > 64 * 1024;
            request.Headers.ConnectionClose = request.Headers.ExpectContinue;
            request.Headers.TryAddWithoutValidation("Idempotency-Key", random.NextDouble() switch
            {
                < 0.7 => Guid.NewGuid().ToString(),
                < 0.8 => new string('k', 101),
                < 0.9 => "ключ-😀-" + random.Next(),
                _ => " ",
            });
        }

        return request;
    }

    /// <summary>A request body the operation would accept, as a JSON tree to mutate.</summary>
    private static string Sample(string operation, TrustWorld world) => operation switch
    {
        "POST /api/v1/applications" => JsonSerializer.Serialize(Applications.Prime()),
        "POST /api/v1/auth/token" => """{"userName": "fuzz-nobody", "password": "not-the-password"}""",
        "POST /api/v1/auth/register/code" => """{"mobile": "13600000000"}""",
        "POST /api/v1/me/mobile/code" => """{"mobile": "13600000001"}""",
        "PUT /api/v1/me/mobile" => """{"mobile": "13600000001", "code": "123456"}""",
        "POST /api/v1/customers/{id}/master-data" => """{"fullName": null, "mobile": "13600000002", "reason": "fuzz"}""",
        "POST /api/v1/auth/register" => """{"userName": "13600000000", "password": "long-enough-password", "displayName": "Fuzz", "code": "123456"}""",
        "POST /api/v1/loans/{id}/payments" => """{"amount": 1.00, "paidOn": null, "surplus": "hold"}""",
        "POST /api/v1/loans/{id}/payoff" => """{"amount": 0.01, "paidOn": null}""",
        "POST /api/v1/loans/{id}/payments/{paymentId}/reversal" => """{"reason": "fuzz"}""",
        "POST /api/v1/referrals/{id}/decision" => """{"decision": "decline", "reason": "fuzz", "termMonths": 36, "downPayment": 50000}""",
        "POST /api/v1/admin/blacklist" => $$"""{"kind": "vin", "value": "{{DemoIdentities.Vin("LFV2A21K", 'S', "3888888")}}", "reason": "fuzz"}""",
        "POST /api/v1/admin/dealers/{id}/api-key" => """{"validDays": 30}""",
        "POST /api/v1/admin/dealers" => """{"code": "FUZZ-1", "name": "Fuzz Motors", "city": "Fuzhou", "email": "desk@fuzz.example", "language": "en"}""",
        "PUT /api/v1/admin/dealers/{id}/contact" => """{"email": "desk@fuzz.example", "language": "zh-CN"}""",
        "POST /api/v1/loans/{id}/hardship" => """{"kind": "payment-holiday", "installments": 1, "months": null, "reason": "fuzz"}""",
        "POST /api/v1/loans/{id}/contacts" => """{"channel": "call", "outcome": "PTP", "note": "fuzz", "promisedAmount": 100.00, "promisedDate": "2026-12-01"}""",
        "POST /api/v1/collections/assign" => """{"collectors": ["collector"]}""",
        "POST /api/v1/cob" => """{"businessDate": "2999-01-01"}""",
        "POST /api/v1/customers/{id}/erasure" => """{"reason": "fuzz"}""",
        "POST /api/v1/cases" => $$"""{"kind": "complaint", "category": "payment", "priority": "normal", "channel": "phone", "subject": "Fuzz", "description": "Fuzzed case", "loanId": "{{world.LoanA}}", "applicationId": null, "customerId": "{{world.CustomerA}}"}""",
        "POST /api/v1/cases/{id}/assign" => """{"agentId": null}""",
        "POST /api/v1/cases/{id}/messages" => """{"body": "fuzz", "internal": true}""",
        "POST /api/v1/cases/{id}/resolve" => """{"rootCause": "process", "resolution": "fuzz"}""",
        "POST /api/v1/cases/{id}/reopen" => """{"reason": "fuzz"}""",
        "POST /api/v1/surveys/{id}/answer" => """{"csat": 4, "nps": 9, "comment": "fuzz"}""",
        "POST /api/v1/assistant" => """{"question": "What is my balance?", "language": "en"}""",
        "POST /api/v1/customers/{id}/consents" => """{"purpose": "marketing", "channel": "sms", "granted": true, "source": "phone"}""",
        "POST /api/v1/experiments" => """{"id": "fuzz-test", "metric": "converted", "description": "fuzz", "variants": [{"name": "a", "weight": 1}, {"name": "b", "weight": 1}], "baselineRate": 0.1, "minimumDetectableEffect": 0.02, "alpha": 0.05, "power": 0.8}""",
        "POST /api/v1/experiments/{id}/assignments" => """{"subjectId": "fuzz-subject", "converted": null}""",
        "POST /api/v1/experiments/{id}/outcomes" => """{"subjectId": "fuzz-subject", "converted": true}""",
        _ => "{}",
    };

    /// <summary>Gives one top-level property a second time, with a nasty value (or the same one): last-one-wins must not happen.</summary>
    private static string Duplicate(Random random, string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json);
        if (node is not System.Text.Json.Nodes.JsonObject { Count: > 0 } obj)
        {
            return json;
        }

        var property = obj.ElementAt(random.Next(obj.Count));
        var value = random.NextDouble() < 0.5 ? property.Value?.ToJsonString() ?? "null" : NastyValues[random.Next(NastyValues.Length)];
        var text = obj.ToJsonString();
        return text[..^1] + $",\"{property.Key}\":{value}}}";
    }

    /// <summary>Replaces, removes or adds one to three fields anywhere in the tree.</summary>
    private static string Mutate(Random random, string json)
    {
        // Values go in as markers and are spliced in as raw text, so even lone surrogates reach the server unrepaired.
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var spliced = new List<string>();
        System.Text.Json.Nodes.JsonNode Marker()
        {
            spliced.Add(NastyValues[random.Next(NastyValues.Length)]);
            return System.Text.Json.Nodes.JsonValue.Create($"@@nasty{spliced.Count - 1}@@");
        }

        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var objects = Objects(node).ToList();
            var target = objects[random.Next(objects.Count)];
            var keys = target.Select(p => p.Key).ToList();
            var choice = random.NextDouble();
            if (keys.Count > 0 && choice < 0.7)
            {
                target[keys[random.Next(keys.Count)]] = Marker();
            }
            else if (keys.Count > 0 && choice < 0.85)
            {
                target.Remove(keys[random.Next(keys.Count)]);
            }
            else
            {
                target["unexpected" + random.Next(100)] = Marker();
            }
        }

        var text = node.ToJsonString();
        for (var i = 0; i < spliced.Count; i++)
        {
            text = text.Replace($"\"@@nasty{i}@@\"", spliced[i], StringComparison.Ordinal);
        }

        return text;
    }

    private static IEnumerable<System.Text.Json.Nodes.JsonObject> Objects(System.Text.Json.Nodes.JsonNode? node)
    {
        if (node is System.Text.Json.Nodes.JsonObject obj)
        {
            yield return obj;
            foreach (var child in obj.Select(p => p.Value).ToList())
            {
                foreach (var inner in Objects(child))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string Segment(Random random, string real) => random.NextDouble() < 0.8
        ? real
        : random.NextDouble() < 0.5 ? Guid.NewGuid().ToString() : NastySegments[random.Next(NastySegments.Length)];

    private static (string Id, string Second) Targets(string path, TrustWorld world)
    {
        if (path.StartsWith("/api/v1/experiments", StringComparison.Ordinal))
        {
            return (TrustWorld.Experiment, string.Empty);
        }

        var (id, second) = path switch
        {
            _ when path.Contains("/accept", StringComparison.Ordinal) => (world.ApplicationD1, world.OfferD1),
            _ when path.StartsWith("/api/v1/applications", StringComparison.Ordinal) => (world.ApplicationA, world.OfferA),
            _ when path.StartsWith("/api/v1/loans", StringComparison.Ordinal) => (world.LoanA, world.PaymentA),
            _ when path.StartsWith("/api/v1/referrals", StringComparison.Ordinal) => (world.Referral, Guid.Empty),
            _ when path.StartsWith("/api/v1/contracts", StringComparison.Ordinal) => (world.ContractB, Guid.Empty),
            _ when path.StartsWith("/api/v1/admin/dealers", StringComparison.Ordinal) => (world.Dealer3, Guid.Empty),
            _ when path.StartsWith("/api/v1/admin/users", StringComparison.Ordinal) => (world.ThrowawayUser, Guid.Empty),
            _ when path.StartsWith("/api/v1/customers", StringComparison.Ordinal) => (world.CustomerA, Guid.Empty),
            _ when path.StartsWith("/api/v1/cases", StringComparison.Ordinal) => (world.CaseA, Guid.Empty),
            _ when path.StartsWith("/api/v1/surveys", StringComparison.Ordinal) => (world.SurveyA, Guid.Empty),
            _ => (world.BlacklistEntry, Guid.Empty),
        };
        return (id.ToString(), second.ToString());
    }

    /// <summary>A client that may send non-ASCII header values (UTF-8), as a hostile one would.</summary>
    private async Task<HttpClient> Client(string? userName, string? apiKey)
    {
        var client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 }) { BaseAddress = platform.BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        if (userName is not null)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoData.Password });
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static string Truncate(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
