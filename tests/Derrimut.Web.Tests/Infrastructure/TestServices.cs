namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>
/// The real servers the tests use, from the environment that <c>etc/test.sh</c> exports. Outside that script a
/// missing server skips its tests; inside it (<c>DERRIMUT_REQUIRE_SERVICES=1</c>) a missing server fails them, so
/// CI can never pass by skipping.
/// </summary>
public static class TestServices
{
    public static string? PostgresMaintenance => Environment.GetEnvironmentVariable("DERRIMUT_TEST_POSTGRES");

    public static string? Redis => Environment.GetEnvironmentVariable("DERRIMUT_TEST_REDIS");

    private static bool Required => Environment.GetEnvironmentVariable("DERRIMUT_REQUIRE_SERVICES") == "1";

    public static string RequirePostgres() => PostgresMaintenance ?? Missing("PostgreSQL", "DERRIMUT_TEST_POSTGRES");

    public static string RequireRedis() => Redis ?? Missing("Redis", "DERRIMUT_TEST_REDIS");

    private static string Missing(string what, string variable)
    {
        if (Required)
        {
            throw new InvalidOperationException($"{what} is required but {variable} is not set. Run the tests with etc/test.sh.");
        }

        Assert.Skip($"{what} not available ({variable} not set); run etc/test.sh to include these tests.");
        return "";
    }
}
