using Microsoft.EntityFrameworkCore.Storage.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Derrimut.CompiledModels;

/// <summary>
/// Names, for the ReadyToRun compiler, EF Core's enum-to-string converter of every enum column. EF Core makes these
/// at run time, by reflection over the enum type (<c>HasConversion&lt;string&gt;()</c>; the precompiled model keeps
/// only the provider type), so no compiled code path names the instantiations: they are generic over a value type,
/// the composite image had no code for them, and every start JIT-compiled ~11 methods per enum column type while the
/// warm-up built the table mappings (run 19's perf map: ~290 methods for 26 types). Each line below makes one converter
/// the way EF Core's converter selector does, in code the compiler sees. <c>EnumColumnConvertersShould</c> fails when
/// a model has an enum column whose type is missing here. Decision 0097.
/// </summary>
public static class EnumColumnConverters
{
    /// <summary>The enum types named: read by the test; nothing at run time needs it.</summary>
    public static IReadOnlyList<Type> Named { get; } =
    [
        Name<Derrimut.Billing.Contracts.BillingIntervalUnit>(),
        Name<Derrimut.Billing.Data.WebhookEventState>(),
        Name<Derrimut.Bookings.Contracts.BookingPaymentStatus>(),
        Name<Derrimut.Bookings.Contracts.BookingStatus>(),
        Name<Derrimut.Bookings.Contracts.ClassBookingStatus>(),
        Name<Derrimut.Bookings.Contracts.ClassLevel>(),
        Name<Derrimut.Bookings.Contracts.ClassStrikeKind>(),
        Name<Derrimut.Bookings.Domain.Availability.AvailabilityExceptionKind>(),
        Name<Derrimut.BuildingBlocks.Tenancy.TenantKind>(),
        Name<Derrimut.BuildingBlocks.Tenancy.TenantState>(),
        Name<Derrimut.Marketplace.Contracts.DeliveryMethod>(),
        Name<Derrimut.Marketplace.Contracts.OrderChannel>(),
        Name<Derrimut.Marketplace.Contracts.OrderStatus>(),
        Name<Derrimut.Marketplace.Contracts.ProductCategory>(),
        Name<Derrimut.Marketplace.Contracts.StockMovementKind>(),
        Name<Derrimut.Memberships.Contracts.MembershipStatus>(),
        Name<Derrimut.Memberships.Domain.LedgerEntryKind>(),
        Name<Derrimut.Payroll.Data.PayBasis>(),
        Name<Derrimut.Payroll.Data.PayRunStatus>(),
        Name<Derrimut.Payroll.Data.TimesheetStatus>(),
        Name<Derrimut.Payroll.Domain.Earnings.EmploymentType>(),
        Name<Derrimut.Payroll.Domain.Superannuation.SuperGuaranteeBasis>(),
        Name<Derrimut.Payroll.Domain.Withholding.MedicareLevyExemption>(),
        Name<Derrimut.Payroll.Domain.Withholding.PayPeriod>(),
        Name<Derrimut.Payroll.Domain.Withholding.TaxResidency>(),
        Name<System.DayOfWeek>(),
    ];

    private static Type Name<TEnum>()
        where TEnum : struct, Enum
    {
        // What EF Core's selector and type mapping source run for the column: the converter's info, the converter and
        // its JSON reader-writer. Not the converter's members (ModelClrType, ConvertFromProviderExpression, ...): EF Core
        // calls them through the base class, and naming them here left them JIT-compiled all the same (run 21).
        var info = EnumToStringConverter<TEnum>.DefaultInfo;
        var converter = new EnumToStringConverter<TEnum>(info.MappingHints);
        _ = new JsonConvertedValueReaderWriter<TEnum, string>(JsonStringReaderWriter.Instance, converter);
        return typeof(TEnum);
    }
}
