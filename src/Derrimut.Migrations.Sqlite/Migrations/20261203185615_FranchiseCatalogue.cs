using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Derrimut.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FranchiseCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FranchiseProductId",
                table: "marketplace_products",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OwnPrice",
                table: "marketplace_products",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "WithdrawnHere",
                table: "marketplace_products",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "FranchiseVariantId",
                table: "marketplace_product_variants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "marketplace_franchise_products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Brand = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PriceCents = table.Column<long>(type: "INTEGER", nullable: false),
                    CompareAtPriceCents = table.Column<long>(type: "INTEGER", nullable: true),
                    GstFree = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marketplace_franchise_products", x => x.Id);
                    table.CheckConstraint("ck_franchise_products_compare_at", "\"CompareAtPriceCents\" IS NULL OR \"CompareAtPriceCents\" > \"PriceCents\"");
                    table.CheckConstraint("ck_franchise_products_price", "\"PriceCents\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "marketplace_franchise_product_variants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FranchiseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PriceCents = table.Column<long>(type: "INTEGER", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marketplace_franchise_product_variants", x => x.Id);
                    table.CheckConstraint("ck_franchise_product_variants_price", "\"PriceCents\" IS NULL OR \"PriceCents\" >= 0");
                    table.ForeignKey(
                        name: "FK_marketplace_franchise_product_variants_marketplace_franchise_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "marketplace_franchise_products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_products_TenantId_FranchiseProductId",
                table: "marketplace_products",
                columns: new[] { "TenantId", "FranchiseProductId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_product_variants_TenantId_FranchiseVariantId",
                table: "marketplace_product_variants",
                columns: new[] { "TenantId", "FranchiseVariantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_franchise_product_variants_FranchiseId",
                table: "marketplace_franchise_product_variants",
                column: "FranchiseId");

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_franchise_product_variants_FranchiseId_Sku",
                table: "marketplace_franchise_product_variants",
                columns: new[] { "FranchiseId", "Sku" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_franchise_product_variants_ProductId",
                table: "marketplace_franchise_product_variants",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_franchise_products_FranchiseId",
                table: "marketplace_franchise_products",
                column: "FranchiseId");

            migrationBuilder.CreateIndex(
                name: "IX_marketplace_franchise_products_FranchiseId_Category_Name",
                table: "marketplace_franchise_products",
                columns: new[] { "FranchiseId", "Category", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "marketplace_franchise_product_variants");

            migrationBuilder.DropTable(
                name: "marketplace_franchise_products");

            migrationBuilder.DropIndex(
                name: "IX_marketplace_products_TenantId_FranchiseProductId",
                table: "marketplace_products");

            migrationBuilder.DropIndex(
                name: "IX_marketplace_product_variants_TenantId_FranchiseVariantId",
                table: "marketplace_product_variants");

            migrationBuilder.DropColumn(
                name: "FranchiseProductId",
                table: "marketplace_products");

            migrationBuilder.DropColumn(
                name: "OwnPrice",
                table: "marketplace_products");

            migrationBuilder.DropColumn(
                name: "WithdrawnHere",
                table: "marketplace_products");

            migrationBuilder.DropColumn(
                name: "FranchiseVariantId",
                table: "marketplace_product_variants");
        }
    }
}
