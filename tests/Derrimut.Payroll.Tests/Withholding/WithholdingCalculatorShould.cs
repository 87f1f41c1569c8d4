using Derrimut.Payroll.Domain.Rules;
using Derrimut.Payroll.Domain.Withholding;
using static Derrimut.Payroll.Tests.Withholding.WithholdingBuilder;

namespace Derrimut.Payroll.Tests.Withholding;

/// <summary>
/// Expected amounts are worked by hand from NAT 1004 (x, then y = a·x − b, then the period
/// conversion); the arithmetic is in each test's comment.
/// </summary>
public sealed class WithholdingCalculatorShould
{
    [Fact]
    public void WeeklyScale2At1000Dollars_PaidNovember2026_Withholds138WithThe2026Table()
    {
        // x = 1,000.99; 2026 scale 2 row "less than 1,282": 0.3227 × 1,000.99 − 185.1935 = 137.825973 → $138.
        var result = Weekly(1000.00m, 2, new DateOnly(2026, 11, 27));

        result.Withholding.ShouldBe(138m);
        result.WithholdingCents.ShouldBe(13_800);
        result.WeeklyEarningsX.ShouldBe(1000.99m);
        result.WeeklyWithholding.ShouldBe(138m);
        result.Table.ShouldBe("NAT1004-2026-07-01 scale 2");
        result.CoefficientA.ShouldBe(0.3227m);
        result.CoefficientB.ShouldBe(185.1935m);
        result.WeeklyEarningsLessThan.ShouldBe(1282m);
        result.NoTfnRate.ShouldBeNull();
        result.TableSource.ShouldContain("secondary");
    }

    [Fact]
    public void WeeklyScale2At1000Dollars_2024Table_Withholds143()
    {
        // 0.3227 × 1,000.99 − 180.0385 = 142.980973 → $143.
        var result = Weekly(1000.00m, 2, In2025To26);

        result.Withholding.ShouldBe(143m);
        result.Table.ShouldBe("NAT1004-2024-07-01 scale 2");
        result.CoefficientB.ShouldBe(180.0385m);
        result.TableSource.ShouldContain("primary");
    }

    [Fact]
    public void ChooseThe2024TableForAPaymentOn30June2026()
    {
        var result = Weekly(1000.00m, 2, new DateOnly(2026, 6, 30));

        result.Table.ShouldBe("NAT1004-2024-07-01 scale 2");
        result.Withholding.ShouldBe(143m);
    }

    [Fact]
    public void ChooseThe2026TableForAPaymentOn1July2026()
    {
        var result = Weekly(1000.00m, 2, new DateOnly(2026, 7, 1));

        result.Table.ShouldBe("NAT1004-2026-07-01 scale 2");
        result.Withholding.ShouldBe(138m);
    }

    [Fact]
    public void ChooseThe2024TableFromItsFirstDay1July2024()
    {
        Weekly(1000.00m, 2, new DateOnly(2024, 7, 1)).Table.ShouldBe("NAT1004-2024-07-01 scale 2");
    }

    [Theory]
    // Weekly $1,000, x = 1,000.99, 2024 table:
    [InlineData(1, 255)] // 0.3200 × 1,000.99 − 65.7202 = 254.5966
    [InlineData(2, 143)] // 0.3227 × 1,000.99 − 180.0385 = 142.980973
    [InlineData(3, 300)] // 0.3000 × 1,000.99 − 0.3000 = 299.997
    [InlineData(5, 123)] // 0.3027 × 1,000.99 − 180.0385 = 122.961173
    [InlineData(6, 131)] // 0.3527 × 1,000.99 − 222.1981 = 130.851073
    public void WeeklyAt1000Dollars_2024Table_WithholdForEachScale(int scale, int expected)
    {
        Weekly(1000.00m, scale, In2025To26).Withholding.ShouldBe(expected);
    }

    [Theory]
    // Weekly $1,000, x = 1,000.99, 2026 table:
    [InlineData(1, 249)] // 0.3200 × 1,000.99 − 71.6508 = 248.666
    [InlineData(2, 138)] // 0.3227 × 1,000.99 − 185.1935 = 137.825973
    [InlineData(3, 300)] // scale 3 unchanged: 0.3000 × 1,000.99 − 0.3000 = 299.997
    public void WeeklyAt1000Dollars_2026Table_WithholdForEachKnownScale(int scale, int expected)
    {
        Weekly(1000.00m, scale, In2026To27).Withholding.ShouldBe(expected);
    }

    [Fact]
    public void WeeklyScale3At2595Dollars_RoundsDirectlyWithoutPreliminaryRoundingToCents_Withholds778()
    {
        // 0.3000 × 2,595.99 − 0.3000 = 778.497. Rounding to cents first would give 778.50 and then $779;
        // the ATO says round directly: $778.
        Weekly(2595.00m, 3, In2025To26).Withholding.ShouldBe(778m);
    }

    [Fact]
    public void WeeklyScale1AtZero_IsNilBecauseTheFormulaIsNegative()
    {
        // x = 0.99: 0.1600 × 0.99 − 0.1600 = −0.0016 → nil.
        var result = Weekly(0m, 1, In2025To26);

        result.Withholding.ShouldBe(0m);
        result.Working.ShouldContain(step => step.Contains("nil", StringComparison.Ordinal));
    }

    [Fact]
    public void WeeklyIgnoresCentsOfEarnings()
    {
        // $1,000.99 and $1,000.00 both give x = 1,000.99.
        var result = Weekly(1000.99m, 2, In2025To26);

        result.WeeklyEarningsX.ShouldBe(1000.99m);
        result.Withholding.ShouldBe(143m);
    }

    [Theory]
    [InlineData(2000.00)]
    [InlineData(2001.99)] // ÷ 2 = 1,000.995, cents ignored: still $1,000
    public void FortnightlyScale2_HalvesToWeeklyThenDoubles_Withholds286(double fortnightly)
    {
        // ÷ 2 → $1,000 → x = 1,000.99 → weekly $143 (2024 scale 2) → × 2 = $286.
        var result = Withhold((decimal)fortnightly, PayPeriod.Fortnightly, 2, In2025To26);

        result.WeeklyEarningsX.ShouldBe(1000.99m);
        result.WeeklyWithholding.ShouldBe(143m);
        result.Withholding.ShouldBe(286m);
    }

    [Fact]
    public void MonthlyScale2EndingIn33Cents_AddsOneCentBeforeConverting_Withholds620()
    {
        // $4,333.33 ends in 33c → $4,333.34 × 3 ÷ 13 = 1,000.0015 → $1,000 → x = 1,000.99 (not 999.99)
        // → weekly $143 → 143 × 13 ÷ 3 = 619.67 → $620.
        var result = Withhold(4333.33m, PayPeriod.Monthly, 2, In2025To26);

        result.WeeklyEarningsX.ShouldBe(1000.99m);
        result.WeeklyWithholding.ShouldBe(143m);
        result.Withholding.ShouldBe(620m);
        result.Working.ShouldContain(step => step.Contains("end in 33 cents", StringComparison.Ordinal));
    }

    [Fact]
    public void MonthlyScale2At4333Dollars32_DoesNotAddACent()
    {
        // $4,333.32 × 3 ÷ 13 = 999.9969 → $999 → x = 999.99.
        var result = Withhold(4333.32m, PayPeriod.Monthly, 2, In2025To26);

        result.WeeklyEarningsX.ShouldBe(999.99m);
        result.Working.ShouldNotContain(step => step.Contains("33 cents", StringComparison.Ordinal));
    }

    [Fact]
    public void MonthlyScale2At3111Dollars33_Withholds312_WhereIgnoringThe33CentRuleWouldGive308()
    {
        // $3,111.34 × 3 ÷ 13 = 718.0015 → x = 718.99 → 0.1800 × 718.99 − 57.8462 = 71.572 → $72 → 72 × 13 ÷ 3 = $312.
        // Without the extra cent: x = 717.99 → 71.392 → $71 → 307.67 → $308.
        var result = Withhold(3111.33m, PayPeriod.Monthly, 2, In2025To26);

        result.WeeklyEarningsX.ShouldBe(718.99m);
        result.Withholding.ShouldBe(312m);
    }

    [Fact]
    public void MonthlyScale2At1577Dollars33_Withholds4_RoundingTheMonthlyAmountDown()
    {
        // $1,577.34 × 3 ÷ 13 = 364.0015 → x = 364.99 → 0.1600 × 364.99 − 57.8462 = 0.5522 → $1 → 1 × 13 ÷ 3 = 4.33 → $4.
        var result = Withhold(1577.33m, PayPeriod.Monthly, 2, In2025To26);

        result.WeeklyWithholding.ShouldBe(1m);
        result.Withholding.ShouldBe(4m);
    }

    [Fact]
    public void MonthlyScale2At4333Dollars33_2026Table_Withholds598()
    {
        // x = 1,000.99 → weekly $138 (2026) → 138 × 13 ÷ 3 = $598.
        Withhold(4333.33m, PayPeriod.Monthly, 2, In2026To27).Withholding.ShouldBe(598m);
    }

    [Theory]
    [InlineData(13000.00)]
    [InlineData(13012.99)] // ÷ 13 = 1,000.9992, cents ignored: $1,000
    public void QuarterlyScale2_DividesBy13ThenMultipliesBy13_Withholds1859(double quarterly)
    {
        // ÷ 13 → $1,000 → x = 1,000.99 → weekly $143 → × 13 = $1,859.
        var result = Withhold((decimal)quarterly, PayPeriod.Quarterly, 2, In2025To26);

        result.WeeklyEarningsX.ShouldBe(1000.99m);
        result.Withholding.ShouldBe(1859m);
    }

    [Fact]
    public void Scale4Resident_Withholds47PercentIgnoringCents()
    {
        // $1,234.56 → $1,234 × 47% = 579.98 → $579.
        var result = Withhold(1234.56m, PayPeriod.Weekly, 4, In2025To26, TaxResidency.Resident);

        result.Withholding.ShouldBe(579m);
        result.NoTfnRate.ShouldBe(0.47m);
        result.WeeklyEarningsX.ShouldBeNull();
        result.CoefficientA.ShouldBeNull();
        result.Table.ShouldBe("NAT1004-2024-07-01 scale 4 resident");
    }

    [Fact]
    public void Scale4Foreign_Withholds45PercentIgnoringCents()
    {
        // $1,234.56 → $1,234 × 45% = 555.30 → $555.
        var result = Withhold(1234.56m, PayPeriod.Weekly, 4, In2025To26, TaxResidency.Foreign);

        result.Withholding.ShouldBe(555m);
        result.NoTfnRate.ShouldBe(0.45m);
        result.Table.ShouldBe("NAT1004-2024-07-01 scale 4 foreign");
    }

    [Fact]
    public void Scale4Fortnightly_AppliesTheRateToThePaymentWithoutWeeklyConversion()
    {
        // $2,469.12 → $2,469 × 47% = 1,160.43 → $1,160.
        Withhold(2469.12m, PayPeriod.Fortnightly, 4, In2025To26, TaxResidency.Resident).Withholding.ShouldBe(1160m);
    }

    [Fact]
    public void Scale4_PaidAfter1July2026_UsesThe2026Schedule()
    {
        var result = Withhold(1000m, PayPeriod.Weekly, 4, In2026To27, TaxResidency.Resident);

        result.Withholding.ShouldBe(470m);
        result.Table.ShouldBe("NAT1004-2026-07-01 scale 4 resident");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void RefuseScales5And6OnOrAfter1July2026_NamingScaleAndDate(int scale)
    {
        var refusal = Should.Throw<PayrollRuleNotKnownException>(() => Weekly(1000m, scale, new DateOnly(2026, 7, 1)));

        refusal.Message.ShouldContain($"scale {scale}");
        refusal.Message.ShouldContain("2026-07-01");
        refusal.PaidOn.ShouldBe(new DateOnly(2026, 7, 1));
        refusal.Rule.ShouldBe($"PAYG withholding scale {scale}");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void StillCalculateScales5And6On30June2026(int scale)
    {
        Weekly(1000m, scale, new DateOnly(2026, 6, 30)).Table.ShouldBe($"NAT1004-2024-07-01 scale {scale}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(6)]
    public void RefuseAnyScaleForAPaymentBefore1July2024(int scale)
    {
        var refusal = Should.Throw<PayrollRuleNotKnownException>(() => Weekly(1000m, scale, new DateOnly(2024, 6, 30)));

        refusal.Message.ShouldContain($"scale {scale}");
        refusal.Message.ShouldContain("2024-06-30");
    }

    [Fact]
    public void RefuseScale4ForAPaymentBefore1July2024()
    {
        Should.Throw<PayrollRuleNotKnownException>(
            () => Withhold(1000m, PayPeriod.Weekly, 4, new DateOnly(2024, 6, 30), TaxResidency.Resident));
    }

    [Fact]
    public void ShowTheWorkingStepByStep()
    {
        var working = Weekly(1000.00m, 2, In2026To27).Working;

        working.ShouldBe(
        [
            "Payment date 2026-11-27 → table NAT1004-2026-07-01 scale 2 (NAT 1004 coefficients for payments on or after 1 July 2026 (secondary source, not yet confirmed on ato.gov.au)).",
            "Weekly earnings $1,000.00; cents are ignored.",
            "x = whole dollars of weekly earnings + 99 cents = 1,000.99.",
            "x = 1,000.99 is less than 1,282, the first row whose limit is greater than x: a = 0.3227, b = 185.1935.",
            "y = a·x − b = 0.3227 × 1,000.99 − 185.1935 = 137.825973.",
            "Rounded to the nearest dollar (50 cents rounds up; no preliminary rounding to cents): weekly withholding $138.",
            "Withholding for the week: $138.",
        ]);
    }

    [Fact]
    public void ShowTheMonthlyConversionInTheWorking()
    {
        var working = Withhold(4333.33m, PayPeriod.Monthly, 2, In2025To26).Working;

        working[1].ShouldBe("Monthly earnings $4,333.33 end in 33 cents, so add 1 cent: $4,333.34; × 3 ÷ 13 = $1,000.00 a week; cents are ignored.");
        working[^1].ShouldBe("Monthly withholding = weekly $143 × 13 ÷ 3 = 619.6667…, rounded to the nearest dollar = $620.");
    }

    [Fact]
    public void ShowANegativeCoefficientBAsAddition()
    {
        // 2024 scale 1 row "less than 515": b = −0.6702.
        Weekly(400m, 1, In2025To26).Working.ShouldContain("y = a·x − b = 0.1890 × 400.99 + 0.6702 = 76.45731.");
    }

    [Fact]
    public void ShowTheScale4Working()
    {
        var working = Withhold(1234.56m, PayPeriod.Weekly, 4, In2025To26, TaxResidency.Resident).Working;

        working.ShouldContain("$1,234 × 47% = 579.98, cents ignored: $579.");
    }

    [Fact]
    public void RejectNegativeGrossNamingTheParameter()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Weekly(-0.01m, 2, In2025To26)).ParamName.ShouldBe("grossEarnings");
    }

    [Fact]
    public void RejectFractionsOfACent()
    {
        Should.Throw<ArgumentException>(() => Weekly(1000.005m, 2, In2025To26));
    }

    [Fact]
    public void RequireResidencyForScale4()
    {
        Should.Throw<ArgumentException>(() => Withhold(1000m, PayPeriod.Weekly, 4, In2025To26)).ParamName.ShouldBe("residency");
    }

    [Fact]
    public void RejectResidencyForScalesOtherThan4()
    {
        Should.Throw<ArgumentException>(() => Withhold(1000m, PayPeriod.Weekly, 2, In2025To26, TaxResidency.Foreign))
            .ParamName.ShouldBe("residency");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void RejectAnUnknownScale(int scale)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Weekly(1000m, scale, In2025To26)).ParamName.ShouldBe("scale");
    }
}
