using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class FranchiseCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FranchiseProductId",
                schema: "marketplace",
                table: "products",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OwnPrice",
                schema: "marketplace",
                table: "products",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "WithdrawnHere",
                schema: "marketplace",
                table: "products",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "FranchiseVariantId",
                schema: "marketplace",
                table: "product_variants",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "franchise_products",
                schema: "marketplace",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Brand = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    Category = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    PriceCents = table.Column<long>(type: "bigint", nullable: false),
                    CompareAtPriceCents = table.Column<long>(type: "bigint", nullable: true),
                    GstFree = table.Column<bool>(type: "bit", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_franchise_products", x => x.Id);
                    table.CheckConstraint("ck_franchise_products_compare_at", "\"CompareAtPriceCents\" IS NULL OR \"CompareAtPriceCents\" > \"PriceCents\"");
                    table.CheckConstraint("ck_franchise_products_price", "\"PriceCents\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "franchise_product_variants",
                schema: "marketplace",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProductId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Sku = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    PriceCents = table.Column<long>(type: "bigint", nullable: true),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_franchise_product_variants", x => x.Id);
                    table.CheckConstraint("ck_franchise_product_variants_price", "\"PriceCents\" IS NULL OR \"PriceCents\" >= 0");
                    table.ForeignKey(
                        name: "FK_franchise_product_variants_franchise_products_ProductId",
                        column: x => x.ProductId,
                        principalSchema: "marketplace",
                        principalTable: "franchise_products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_products_TenantId_FranchiseProductId",
                schema: "marketplace",
                table: "products",
                columns: new[] { "TenantId", "FranchiseProductId" },
                unique: true,
                filter: "[FranchiseProductId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_product_variants_TenantId_FranchiseVariantId",
                schema: "marketplace",
                table: "product_variants",
                columns: new[] { "TenantId", "FranchiseVariantId" },
                unique: true,
                filter: "[FranchiseVariantId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_franchise_product_variants_FranchiseId",
                schema: "marketplace",
                table: "franchise_product_variants",
                column: "FranchiseId");

            migrationBuilder.CreateIndex(
                name: "IX_franchise_product_variants_FranchiseId_Sku",
                schema: "marketplace",
                table: "franchise_product_variants",
                columns: new[] { "FranchiseId", "Sku" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_franchise_product_variants_ProductId",
                schema: "marketplace",
                table: "franchise_product_variants",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_franchise_products_FranchiseId",
                schema: "marketplace",
                table: "franchise_products",
                column: "FranchiseId");

            migrationBuilder.CreateIndex(
                name: "IX_franchise_products_FranchiseId_Category_Name",
                schema: "marketplace",
                table: "franchise_products",
                columns: new[] { "FranchiseId", "Category", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "franchise_product_variants",
                schema: "marketplace");

            migrationBuilder.DropTable(
                name: "franchise_products",
                schema: "marketplace");

            migrationBuilder.DropIndex(
                name: "IX_products_TenantId_FranchiseProductId",
                schema: "marketplace",
                table: "products");

            migrationBuilder.DropIndex(
                name: "IX_product_variants_TenantId_FranchiseVariantId",
                schema: "marketplace",
                table: "product_variants");

            migrationBuilder.DropColumn(
                name: "FranchiseProductId",
                schema: "marketplace",
                table: "products");

            migrationBuilder.DropColumn(
                name: "OwnPrice",
                schema: "marketplace",
                table: "products");

            migrationBuilder.DropColumn(
                name: "WithdrawnHere",
                schema: "marketplace",
                table: "products");

            migrationBuilder.DropColumn(
                name: "FranchiseVariantId",
                schema: "marketplace",
                table: "product_variants");
        }
    }
}
