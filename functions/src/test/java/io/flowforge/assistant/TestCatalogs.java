package io.flowforge.assistant;

import io.flowforge.assistant.WorkspaceCatalog.Column;
import io.flowforge.assistant.WorkspaceCatalog.Table;
import java.util.ArrayList;
import java.util.List;

/** A small AdventureWorks-shaped catalog (names as in the modelling assistant's worked conversations). */
final class TestCatalogs {
  private TestCatalogs() {}

  static WorkspaceCatalog adventureWorks() {
    return new WorkspaceCatalog("ws-test", tables(), false);
  }

  static List<Table> tables() {
    List<Table> tables = new ArrayList<>();
    tables.add(new Table("product", 15_247, List.of(
        Column.of("ProductID", "INTEGER"), Column.of("Name", "VARCHAR"), Column.of("ProductNumber", "VARCHAR"),
        Column.of("Color", "VARCHAR"), Column.of("StandardCost", "DECIMAL(19,4)"), Column.of("ListPrice", "DECIMAL(19,4)"),
        Column.of("Size", "VARCHAR"), Column.of("Weight", "DECIMAL(8,2)"), Column.of("ProductCategoryID", "INTEGER"),
        Column.of("SellStartDate", "TIMESTAMP"), Column.of("Description", "VARCHAR"))));
    tables.add(new Table("productcategory", 47, List.of(
        Column.of("ProductCategoryID", "INTEGER"), Column.of("ParentProductCategoryID", "INTEGER"),
        Column.of("Name", "VARCHAR"), Column.of("ModifiedDate", "TIMESTAMP"))));
    tables.add(new Table("productsubcategory", 37, List.of(
        Column.of("ProductSubcategoryID", "INTEGER"), Column.of("ProductCategoryID", "INTEGER"), Column.of("Name", "VARCHAR"))));
    tables.add(new Table("customer", 847, List.of(
        Column.of("CustomerID", "INTEGER"), Column.of("FirstName", "VARCHAR"), Column.of("LastName", "VARCHAR"),
        Column.of("EmailAddress", "VARCHAR"), Column.of("Phone", "VARCHAR"), Column.of("CompanyName", "VARCHAR"),
        Column.of("ModifiedDate", "TIMESTAMP"))));
    tables.add(new Table("salesorderheader", 31_465, List.of(
        Column.of("SalesOrderID", "INTEGER"), Column.of("OrderDate", "DATE"), Column.of("CustomerID", "INTEGER"),
        Column.of("Status", "TINYINT"), Column.of("TotalDue", "DECIMAL(19,4)"))));
    tables.add(new Table("salesorderdetail", 121_317, List.of(
        Column.of("SalesOrderID", "INTEGER"), Column.of("SalesOrderDetailID", "INTEGER"), Column.of("ProductID", "INTEGER"),
        Column.of("OrderQty", "SMALLINT"), Column.of("UnitPrice", "DECIMAL(19,4)"), Column.of("LineTotal", "DECIMAL(38,6)"))));
    tables.add(new Table("address", 450, List.of(
        Column.of("AddressID", "INTEGER"), Column.of("City", "VARCHAR"), Column.of("PostalCode", "VARCHAR"))));
    return tables;
  }
}
