using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MarketplaceShop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "marketplace");

            migrationBuilder.CreateTable(
                name: "cart_lines",
                schema: "marketplace",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VariantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    PriceSeenCents = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cart_lines", x => x.Id);
                    table.CheckConstraint("ck_cart_lines_quantity", "\"Quantity\" > 0");
                });

            migrationBuilder.CreateTable(
                name: "order_counters",
                schema: "marketplace",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    LastNumber = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_order_counters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "order_refunds",
                schema: "marketplace",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    RefundId = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_order_refunds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                schema: "marketplace",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Delivery = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    ShipToName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ShipToLine1 = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ShipToLine2 = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ShipToSuburb = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ShipToState = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true),
                    ShipToPostcode = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: true),
                    GoodsCents = table.Column<long>(type: "bigint", nullable: false),
                    ShippingCents = table.Column<long>(type: "bigint", nullable: false),
                    TotalCents = table.Column<long>(type: "bigint", nullable: false),
                    GstCents = table.Column<long>(type: "bigint", nullable: false),
                    RefundedCents = table.Column<long>(type: "bigint", nullable: false),
                    CheckoutSessionId = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: true),
                    CheckoutUrl = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CheckoutExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PaymentIntentId = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: true),
                    PaidAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Carrier = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    TrackingNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    CancelReason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders", x => x.Id);
                    table.CheckConstraint("ck_orders_refunded", "\"RefundedCents\" >= 0 AND \"RefundedCents\" <= \"TotalCents\"");
                });

            migrationBuilder.CreateTable(
                name: "products",
                schema: "marketplace",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Brand = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    Category = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    PriceCents = table.Column<long>(type: "bigint", nullable: false),
                    CompareAtPriceCents = table.Column<long>(type: "bigint", nullable: true),
                    GstFree = table.Column<bool>(type: "bit", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    ImageFile = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_products", x => x.Id);
                    table.CheckConstraint("ck_products_compare_at", "\"CompareAtPriceCents\" IS NULL OR \"CompareAtPriceCents\" > \"PriceCents\"");
                    table.CheckConstraint("ck_products_price", "\"PriceCents\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "shop_settings",
                schema: "marketplace",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ShippingEnabled = table.Column<bool>(type: "bit", nullable: false),
                    ShippingFlatCents = table.Column<long>(type: "bigint", nullable: false),
                    FreeShippingOverCents = table.Column<long>(type: "bigint", nullable: true),
                    LowStockEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shop_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stock_movements",
                schema: "marketplace",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VariantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    OrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    OtherLocationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_movements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "order_lines",
                schema: "marketplace",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VariantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProductId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProductName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    VariantName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Sku = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    UnitPriceCents = table.Column<long>(type: "bigint", nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    GstFree = table.Column<bool>(type: "bit", nullable: false),
                    LineTotalCents = table.Column<long>(type: "bigint", nullable: false),
                    GstCents = table.Column<long>(type: "bigint", nullable: false),
                    RefundedQuantity = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_order_lines", x => x.Id);
                    table.CheckConstraint("ck_order_lines_quantity", "\"Quantity\" > 0");
                    table.CheckConstraint("ck_order_lines_refunded", "\"RefundedQuantity\" >= 0 AND \"RefundedQuantity\" <= \"Quantity\"");
                    table.ForeignKey(
                        name: "FK_order_lines_orders_OrderId",
                        column: x => x.OrderId,
                        principalSchema: "marketplace",
                        principalTable: "orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "product_variants",
                schema: "marketplace",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProductId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Sku = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    PriceCents = table.Column<long>(type: "bigint", nullable: true),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    LowStockThreshold = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_variants", x => x.Id);
                    table.CheckConstraint("ck_product_variants_price", "\"PriceCents\" IS NULL OR \"PriceCents\" >= 0");
                    table.ForeignKey(
                        name: "FK_product_variants_products_ProductId",
                        column: x => x.ProductId,
                        principalSchema: "marketplace",
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stock_levels",
                schema: "marketplace",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VariantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OnHand = table.Column<int>(type: "int", nullable: false),
                    Reserved = table.Column<int>(type: "int", nullable: false),
                    LowStockNotifiedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_levels", x => x.Id);
                    table.CheckConstraint("ck_stock_levels_on_hand", "\"OnHand\" >= 0");
                    table.CheckConstraint("ck_stock_levels_reserved", "\"Reserved\" >= 0 AND \"Reserved\" <= \"OnHand\"");
                    table.ForeignKey(
                        name: "FK_stock_levels_product_variants_VariantId",
                        column: x => x.VariantId,
                        principalSchema: "marketplace",
                        principalTable: "product_variants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cart_lines_TenantId",
                schema: "marketplace",
                table: "cart_lines",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_cart_lines_TenantId_UserId_VariantId",
                schema: "marketplace",
                table: "cart_lines",
                columns: new[] { "TenantId", "UserId", "VariantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_order_counters_TenantId",
                schema: "marketplace",
                table: "order_counters",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_order_counters_TenantId_Day",
                schema: "marketplace",
                table: "order_counters",
                columns: new[] { "TenantId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_order_lines_OrderId",
                schema: "marketplace",
                table: "order_lines",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_order_lines_TenantId",
                schema: "marketplace",
                table: "order_lines",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_order_refunds_TenantId",
                schema: "marketplace",
                table: "order_refunds",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_order_refunds_TenantId_OrderId",
                schema: "marketplace",
                table: "order_refunds",
                columns: new[] { "TenantId", "OrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_TenantId",
                schema: "marketplace",
                table: "orders",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_orders_TenantId_CheckoutSessionId",
                schema: "marketplace",
                table: "orders",
                columns: new[] { "TenantId", "CheckoutSessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_TenantId_LocalDate_Sequence",
                schema: "marketplace",
                table: "orders",
                columns: new[] { "TenantId", "LocalDate", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_orders_TenantId_Number",
                schema: "marketplace",
                table: "orders",
                columns: new[] { "TenantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_orders_TenantId_Status_CreatedAt",
                schema: "marketplace",
                table: "orders",
                columns: new[] { "TenantId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_TenantId_UserId_CreatedAt",
                schema: "marketplace",
                table: "orders",
                columns: new[] { "TenantId", "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_product_variants_ProductId",
                schema: "marketplace",
                table: "product_variants",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_product_variants_TenantId",
                schema: "marketplace",
                table: "product_variants",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_product_variants_TenantId_ProductId",
                schema: "marketplace",
                table: "product_variants",
                columns: new[] { "TenantId", "ProductId" });

            migrationBuilder.CreateIndex(
                name: "IX_product_variants_TenantId_Sku",
                schema: "marketplace",
                table: "product_variants",
                columns: new[] { "TenantId", "Sku" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_products_TenantId",
                schema: "marketplace",
                table: "products",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_products_TenantId_IsActive_Category_Name",
                schema: "marketplace",
                table: "products",
                columns: new[] { "TenantId", "IsActive", "Category", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_shop_settings_TenantId",
                schema: "marketplace",
                table: "shop_settings",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stock_levels_TenantId",
                schema: "marketplace",
                table: "stock_levels",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_stock_levels_TenantId_VariantId",
                schema: "marketplace",
                table: "stock_levels",
                columns: new[] { "TenantId", "VariantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stock_levels_VariantId",
                schema: "marketplace",
                table: "stock_levels",
                column: "VariantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_TenantId",
                schema: "marketplace",
                table: "stock_movements",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_TenantId_OrderId",
                schema: "marketplace",
                table: "stock_movements",
                columns: new[] { "TenantId", "OrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_stock_movements_TenantId_VariantId_At",
                schema: "marketplace",
                table: "stock_movements",
                columns: new[] { "TenantId", "VariantId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cart_lines",
                schema: "marketplace");

            migrationBuilder.DropTable(
                name: "order_counters",
                schema: "marketplace");

            migrationBuilder.DropTable(
                name: "order_lines",
                schema: "marketplace");

            migrationBuilder.DropTable(
                name: "order_refunds",
                schema: "marketplace");

            migrationBuilder.DropTable(
                name: "shop_settings",
                schema: "marketplace");

            migrationBuilder.DropTable(
                name: "stock_levels",
                schema: "marketplace");

            migrationBuilder.DropTable(
                name: "stock_movements",
                schema: "marketplace");

            migrationBuilder.DropTable(
                name: "orders",
                schema: "marketplace");

            migrationBuilder.DropTable(
                name: "product_variants",
                schema: "marketplace");

            migrationBuilder.DropTable(
                name: "products",
                schema: "marketplace");
        }
    }
}
