using System.Globalization;
using System.Security.Cryptography;
using AutoFinance.Application.Security;
using AutoFinance.Application.Verification;
using AutoFinance.Domain.Verification;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AutoFinance.Infrastructure.Verification;

/// <summary>
/// SMS one-time codes kept in <c>one_time_codes</c> under the rules of <see cref="OneTimeCodeRules"/>. The number and
/// the asking address are stored as keyed hashes; the code as a keyed hash of the row id and the code (a six-digit
/// code hashed alone could be found by trying all million). Tries are counted by a conditional update, so parallel
/// guesses cannot exceed the attempts, and a code is spent by one. A code sent for a subject (the offer being signed)
/// has the subject in its hash, so typed for anything else it is simply a wrong code.
/// </summary>
public sealed class OneTimeCodeService(AutoFinanceDbContext db, ILookupHasher hasher, ISmsGateway sms, TimeProvider time, VerificationOptions options, ILogger<OneTimeCodeService> logger) : IOneTimeCodes
{
    public async Task<CodeSendResult> SendAsync(CodePurpose purpose, string mobile, string? clientAddress, CancellationToken cancellationToken, bool deliver = true, string? subject = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(mobile);
        var now = time.GetUtcNow();
        var mobileHash = hasher.Hash("mobile", mobile);
        var addressHash = clientAddress is null ? null : hasher.Hash("ip", clientAddress);
        var since = now - OneTimeCodeRules.ThrottleWindow;
        var toNumber = await db.OneTimeCodes.AsNoTracking().Where(c => c.MobileHash == mobileHash && c.SentAt > since).Select(c => c.SentAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var fromAddress = addressHash is null
            ? []
            : await db.OneTimeCodes.AsNoTracking().Where(c => c.AddressHash == addressHash && c.SentAt > since).Select(c => c.SentAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var permission = OneTimeCodeRules.MaySend(now, toNumber, fromAddress, options.CodesPerAddressPerHour);
        if (!permission.Granted)
        {
            return new CodeSendResult(CodeSendOutcome.Throttled, permission.RetryAfter, null);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var row = new OneTimeCodeRow
        {
            Id = Guid.CreateVersion7(now),
            Purpose = purpose.ToName(),
            MobileHash = mobileHash,
            AddressHash = addressHash,
            CodeHash = string.Empty,
            SentAt = now,
            Delivered = deliver,
        };
        row.CodeHash = CodeHash(row.Id, subject, code);
        db.OneTimeCodes.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (deliver)
        {
            try
            {
                await sms.SendAsync(new SmsMessage(row.Id, mobile, string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? EnglishText(purpose, code) : Text(purpose, code)), cancellationToken).ConfigureAwait(false);
            }
            catch (SmsGatewayUnavailableException e)
            {
                logger.LogWarning(e, "SMS gateway unavailable for code {CodeId} ({Purpose})", row.Id, row.Purpose);
                await db.OneTimeCodes.Where(c => c.Id == row.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                return new CodeSendResult(CodeSendOutcome.GatewayUnavailable, TimeSpan.Zero, null);
            }
        }

        return new CodeSendResult(CodeSendOutcome.Sent, TimeSpan.Zero, now + OneTimeCodeRules.Lifetime);
    }

    public async Task<CodeCheck> VerifyAsync(CodePurpose purpose, string mobile, string? typedCode, CancellationToken cancellationToken, string? subject = null) =>
        (await VerifyCountingAsync(purpose, mobile, typedCode, cancellationToken, subject).ConfigureAwait(false)).Check;

    public async Task<CodeVerification> VerifyCountingAsync(CodePurpose purpose, string mobile, string? typedCode, CancellationToken cancellationToken, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(mobile);
        var now = time.GetUtcNow();
        var mobileHash = hasher.Hash("mobile", mobile);
        var name = purpose.ToName();
        var newest = await db.OneTimeCodes.AsNoTracking()
            .Where(c => c.MobileHash == mobileHash && c.Purpose == name)
            .OrderByDescending(c => c.SentAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (newest is null)
        {
            return new(CodeCheck.NoCode, 0);
        }

        var typedHash = OneTimeCodeRules.IsWellFormed(typedCode) ? CodeHash(newest.Id, subject, typedCode!) : null;
        var check = OneTimeCodeRules.Check(now, new SentCode(newest.CodeHash, newest.SentAt, newest.Attempts, newest.ConsumedAt), typedHash);
        switch (check)
        {
            case CodeCheck.Verified:
                // Spent by exactly one caller: a second, parallel use of the same code finds it consumed.
                var spent = await db.OneTimeCodes.Where(c => c.Id == newest.Id && c.ConsumedAt == null && c.Attempts < OneTimeCodeRules.MaxAttempts)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.ConsumedAt, now), cancellationToken).ConfigureAwait(false);
                return new(spent == 1 ? CodeCheck.Verified : CodeCheck.NoCode, 0);
            case CodeCheck.Wrong or CodeCheck.WrongNowExhausted:
                var counted = await db.OneTimeCodes.Where(c => c.Id == newest.Id && c.Attempts < OneTimeCodeRules.MaxAttempts)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken).ConfigureAwait(false);
                return counted == 1 ? new(check, OneTimeCodeRules.TriesLeftAfterWrong(newest.Attempts)) : new(CodeCheck.TooManyAttempts, 0);
            default:
                return new(check, 0);
        }
    }

    private string CodeHash(Guid id, string? subject, string code) =>
        hasher.Hash("one-time-code", subject is null ? id.ToString("N") + ":" + code : id.ToString("N") + ":" + subject + ":" + code);

    /// <summary>The text sent: the code, what it is for, how long it lasts, and never to share it.</summary>
    private static string Text(CodePurpose purpose, string code) => purpose switch
    {
        CodePurpose.Registration => $"【AutoFinance】您的注册验证码为 {code}，5分钟内有效。请勿告诉他人。",
        CodePurpose.ContractSigning => $"【AutoFinance】您正在签署贷款合同，验证码 {code}，5分钟内有效。请勿告诉他人。",
        CodePurpose.CardBinding => $"【AutoFinance】您正在绑定银行卡，验证码 {code}，5分钟内有效。请勿告诉他人。",
        CodePurpose.ContactChange => $"【AutoFinance】您正在变更联系方式，验证码 {code}，5分钟内有效。请勿告诉他人。",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };

    private static string EnglishText(CodePurpose purpose, string code) => purpose switch
    {
        CodePurpose.Registration => $"[AutoFinance] Your registration code is {code}, valid for 5 minutes. Do not share it.",
        CodePurpose.ContractSigning => $"[AutoFinance] You are signing your loan contract: code {code}, valid for 5 minutes. Do not share it.",
        CodePurpose.CardBinding => $"[AutoFinance] You are linking a bank card: code {code}, valid for 5 minutes. Do not share it.",
        CodePurpose.ContactChange => $"[AutoFinance] You are changing your contact details: code {code}, valid for 5 minutes. Do not share it.",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };
}
