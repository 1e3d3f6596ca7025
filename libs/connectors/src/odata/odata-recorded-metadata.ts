/**
 * `$metadata` documents as services answer them, for the unit specs: SAP CAP (v4, recorded from the
 * fixture service of test/fixtures/odata), SAP Gateway (v2 with sap: annotations, in the shape of SAP's
 * GWSAMPLE_BASIC demo service), Dataverse / Dynamics 365 (v4, an excerpt of the Web API's document:
 * Microsoft.Dynamics.CRM with its mscrm alias, entity types deriving from crmbaseentity, lookups as
 * navigation properties with referential constraints) and a v4 document with what no attribute fits.
 */
export const CAP_V4_METADATA = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Capabilities.V1.xml">
    <edmx:Include Alias="Capabilities" Namespace="Org.OData.Capabilities.V1"/>
  </edmx:Reference>
  <edmx:Reference Uri="https://sap.github.io/odata-vocabularies/vocabularies/Common.xml">
    <edmx:Include Alias="Common" Namespace="com.sap.vocabularies.Common.v1"/>
  </edmx:Reference>
  <edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml">
    <edmx:Include Alias="Core" Namespace="Org.OData.Core.V1"/>
  </edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="ShopService" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <Annotation Term="Core.Links">
        <Collection>
          <Record>
            <PropertyValue Property="rel" String="author"/>
            <PropertyValue Property="href" String="https://cap.cloud.sap"/>
          </Record>
        </Collection>
      </Annotation>
      <EntityContainer Name="EntityContainer">
        <EntitySet Name="Customers" EntityType="ShopService.Customers">
          <NavigationPropertyBinding Path="orders" Target="Orders"/>
        </EntitySet>
        <EntitySet Name="Orders" EntityType="ShopService.Orders">
          <NavigationPropertyBinding Path="customer" Target="Customers"/>
          <NavigationPropertyBinding Path="items" Target="OrderItems"/>
        </EntitySet>
        <EntitySet Name="OrderItems" EntityType="ShopService.OrderItems">
          <NavigationPropertyBinding Path="order" Target="Orders"/>
          <NavigationPropertyBinding Path="product" Target="Products"/>
        </EntitySet>
        <EntitySet Name="Products" EntityType="ShopService.Products"/>
        <EntitySet Name="Currencies" EntityType="ShopService.Currencies"/>
      </EntityContainer>
      <EntityType Name="Customers">
        <Key>
          <PropertyRef Name="ID"/>
        </Key>
        <Property Name="ID" Type="Edm.Int32" Nullable="false"/>
        <Property Name="name" Type="Edm.String" MaxLength="100" Nullable="false"/>
        <Property Name="email" Type="Edm.String" MaxLength="200"/>
        <Property Name="vip" Type="Edm.Boolean" DefaultValue="false"/>
        <NavigationProperty Name="orders" Type="Collection(ShopService.Orders)" Partner="customer"/>
      </EntityType>
      <EntityType Name="Orders">
        <Key>
          <PropertyRef Name="ID"/>
        </Key>
        <Property Name="ID" Type="Edm.Guid" Nullable="false"/>
        <NavigationProperty Name="customer" Type="ShopService.Customers" Partner="orders">
          <ReferentialConstraint Property="customer_ID" ReferencedProperty="ID"/>
        </NavigationProperty>
        <Property Name="customer_ID" Type="Edm.Int32"/>
        <Property Name="amount" Type="Edm.Decimal" Precision="10" Scale="2"/>
        <Property Name="placedAt" Type="Edm.DateTimeOffset" Precision="7"/>
        <NavigationProperty Name="items" Type="Collection(ShopService.OrderItems)" Partner="order">
          <OnDelete Action="Cascade"/>
        </NavigationProperty>
      </EntityType>
      <EntityType Name="OrderItems">
        <Key>
          <PropertyRef Name="order_ID"/>
          <PropertyRef Name="lineNo"/>
        </Key>
        <NavigationProperty Name="order" Type="ShopService.Orders" Partner="items">
          <ReferentialConstraint Property="order_ID" ReferencedProperty="ID"/>
        </NavigationProperty>
        <Property Name="order_ID" Type="Edm.Guid" Nullable="false"/>
        <Property Name="lineNo" Type="Edm.Int32" Nullable="false"/>
        <NavigationProperty Name="product" Type="ShopService.Products">
          <ReferentialConstraint Property="product_code" ReferencedProperty="code"/>
        </NavigationProperty>
        <Property Name="product_code" Type="Edm.String" MaxLength="20"/>
        <Property Name="quantity" Type="Edm.Int32" Nullable="false"/>
      </EntityType>
      <EntityType Name="Products">
        <Key>
          <PropertyRef Name="code"/>
        </Key>
        <Property Name="code" Type="Edm.String" MaxLength="20" Nullable="false"/>
        <Property Name="name" Type="Edm.String" MaxLength="100" Nullable="false"/>
        <Property Name="price" Type="Edm.Decimal" Precision="9" Scale="2"/>
        <Property Name="stock" Type="Edm.Int64"/>
        <Property Name="active" Type="Edm.Boolean"/>
        <Property Name="releaseDate" Type="Edm.Date"/>
        <Property Name="opensAt" Type="Edm.TimeOfDay"/>
        <Property Name="updatedAt" Type="Edm.DateTimeOffset"/>
        <Property Name="serial" Type="Edm.Guid"/>
        <Property Name="thumbnail" Type="Edm.Binary" MaxLength="64"/>
      </EntityType>
      <EntityType Name="Currencies">
        <Key>
          <PropertyRef Name="code"/>
        </Key>
        <Property Name="code" Type="Edm.String" MaxLength="3" Nullable="false"/>
        <Property Name="name" Type="Edm.String" MaxLength="40"/>
      </EntityType>
      <Annotations Target="ShopService.Orders/ID">
        <Annotation Term="Core.ComputedDefaultValue" Bool="true"/>
      </Annotations>
      <Annotations Target="ShopService.EntityContainer/Currencies">
        <Annotation Term="Capabilities.DeleteRestrictions">
          <Record Type="Capabilities.DeleteRestrictionsType">
            <PropertyValue Property="Deletable" Bool="false"/>
          </Record>
        </Annotation>
        <Annotation Term="Capabilities.InsertRestrictions">
          <Record Type="Capabilities.InsertRestrictionsType">
            <PropertyValue Property="Insertable" Bool="false"/>
          </Record>
        </Annotation>
        <Annotation Term="Capabilities.UpdateRestrictions">
          <Record Type="Capabilities.UpdateRestrictionsType">
            <PropertyValue Property="Updatable" Bool="false"/>
          </Record>
        </Annotation>
      </Annotations>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

export const SAP_V2_METADATA = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" xmlns:sap="http://www.sap.com/Protocols/SAPData">
  <edmx:DataServices m:DataServiceVersion="2.0">
    <Schema Namespace="GWSAMPLE_BASIC" xml:lang="en" sap:schema-version="1" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">
      <EntityType Name="BusinessPartner" sap:content-version="1">
        <Key><PropertyRef Name="BusinessPartnerID"/></Key>
        <Property Name="Address" Type="GWSAMPLE_BASIC.CT_Address" Nullable="false"/>
        <Property Name="BusinessPartnerID" Type="Edm.String" Nullable="false" MaxLength="10" sap:creatable="false" sap:updatable="false" sap:label="Bus. Part. ID"/>
        <Property Name="CompanyName" Type="Edm.String" Nullable="false" MaxLength="80" sap:label="Company Name"/>
        <Property Name="EmailAddress" Type="Edm.String" MaxLength="255" sap:label="E-Mail Address"/>
        <Property Name="CreatedAt" Type="Edm.DateTime" Precision="7" sap:creatable="false" sap:updatable="false" sap:label="Time Stamp"/>
        <Property Name="ChangedAt" Type="Edm.DateTime" Precision="7" ConcurrencyMode="Fixed" sap:creatable="false" sap:updatable="false" sap:label="Time Stamp"/>
        <NavigationProperty Name="ToSalesOrders" Relationship="GWSAMPLE_BASIC.Assoc_BusinessPartner_SalesOrders" FromRole="FromRole_Assoc_BusinessPartner_SalesOrders" ToRole="ToRole_Assoc_BusinessPartner_SalesOrders"/>
      </EntityType>
      <EntityType Name="SalesOrder" sap:content-version="1">
        <Key><PropertyRef Name="SalesOrderID"/></Key>
        <Property Name="SalesOrderID" Type="Edm.String" Nullable="false" MaxLength="10" sap:creatable="false" sap:updatable="false" sap:label="Sa. Ord. ID"/>
        <Property Name="CustomerID" Type="Edm.String" Nullable="false" MaxLength="10" sap:label="Bus. Part. ID"/>
        <Property Name="GrossAmount" Type="Edm.Decimal" Precision="16" Scale="3" sap:creatable="false" sap:updatable="false" sap:label="Gross Amt."/>
        <Property Name="ItemCount" Type="Edm.Int32"/>
        <Property Name="DeliveryDate" Type="Edm.DateTime" Precision="0" sap:display-format="Date" sap:label="Delivery Date"/>
        <Property Name="PickupTime" Type="Edm.Time" Precision="0"/>
        <Property Name="Paid" Type="Edm.Boolean"/>
        <Property Name="Checksum" Type="Edm.Binary" MaxLength="16"/>
        <Property Name="Serial" Type="Edm.Guid"/>
        <Property Name="Revision" Type="Edm.Int64"/>
        <Property Name="Weight" Type="Edm.Double"/>
        <NavigationProperty Name="ToBusinessPartner" Relationship="GWSAMPLE_BASIC.Assoc_BusinessPartner_SalesOrders" FromRole="ToRole_Assoc_BusinessPartner_SalesOrders" ToRole="FromRole_Assoc_BusinessPartner_SalesOrders"/>
      </EntityType>
      <EntityType Name="SalesOrderLineItem" sap:content-version="1">
        <Key><PropertyRef Name="SalesOrderID"/><PropertyRef Name="ItemPosition"/></Key>
        <Property Name="SalesOrderID" Type="Edm.String" Nullable="false" MaxLength="10"/>
        <Property Name="ItemPosition" Type="Edm.String" Nullable="false" MaxLength="10"/>
        <Property Name="Quantity" Type="Edm.Decimal" Nullable="false" Precision="13" Scale="3"/>
      </EntityType>
      <EntityType Name="VH_Sex" sap:content-version="1">
        <Key><PropertyRef Name="Sex"/></Key>
        <Property Name="Sex" Type="Edm.String" Nullable="false" MaxLength="1" sap:label="Sex"/>
        <Property Name="Shorttext" Type="Edm.String" Nullable="false" MaxLength="60" sap:label="Short Descript."/>
      </EntityType>
      <ComplexType Name="CT_Address">
        <Property Name="City" Type="Edm.String" MaxLength="40"/>
      </ComplexType>
      <Association Name="Assoc_BusinessPartner_SalesOrders" sap:content-version="1">
        <End Type="GWSAMPLE_BASIC.BusinessPartner" Multiplicity="1" Role="FromRole_Assoc_BusinessPartner_SalesOrders"/>
        <End Type="GWSAMPLE_BASIC.SalesOrder" Multiplicity="*" Role="ToRole_Assoc_BusinessPartner_SalesOrders"/>
        <ReferentialConstraint>
          <Principal Role="FromRole_Assoc_BusinessPartner_SalesOrders"><PropertyRef Name="BusinessPartnerID"/></Principal>
          <Dependent Role="ToRole_Assoc_BusinessPartner_SalesOrders"><PropertyRef Name="CustomerID"/></Dependent>
        </ReferentialConstraint>
      </Association>
      <EntityContainer Name="GWSAMPLE_BASIC_Entities" m:IsDefaultEntityContainer="true" sap:supported-formats="atom json xlsx">
        <EntitySet Name="BusinessPartnerSet" EntityType="GWSAMPLE_BASIC.BusinessPartner" sap:content-version="1" sap:label="Business Partners"/>
        <EntitySet Name="SalesOrderSet" EntityType="GWSAMPLE_BASIC.SalesOrder" sap:deletable="false" sap:content-version="1"/>
        <EntitySet Name="SalesOrderLineItemSet" EntityType="GWSAMPLE_BASIC.SalesOrderLineItem" sap:content-version="1"/>
        <EntitySet Name="VH_SexSet" EntityType="GWSAMPLE_BASIC.VH_Sex" sap:creatable="false" sap:updatable="false" sap:deletable="false" sap:pageable="false" sap:content-version="1"/>
        <AssociationSet Name="Assoc_BusinessPartner_SalesOrders_AssocSet" Association="GWSAMPLE_BASIC.Assoc_BusinessPartner_SalesOrders" sap:creatable="false" sap:updatable="false" sap:deletable="false" sap:content-version="1">
          <End EntitySet="BusinessPartnerSet" Role="FromRole_Assoc_BusinessPartner_SalesOrders"/>
          <End EntitySet="SalesOrderSet" Role="ToRole_Assoc_BusinessPartner_SalesOrders"/>
        </AssociationSet>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

export const DATAVERSE_METADATA = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:Reference Uri="http://vocabularies.odata.org/OData.Community.Keys.V1.xml">
    <edmx:Include Namespace="OData.Community.Keys.V1" Alias="Keys"/>
  </edmx:Reference>
  <edmx:Reference Uri="http://vocabularies.odata.org/OData.Community.Display.V1.xml">
    <edmx:Include Namespace="OData.Community.Display.V1" Alias="Display"/>
  </edmx:Reference>
  <edmx:DataServices>
    <Schema Namespace="Microsoft.Dynamics.CRM" Alias="mscrm" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="crmbaseentity" Abstract="true"/>
      <EntityType Name="account" BaseType="mscrm.crmbaseentity">
        <Key><PropertyRef Name="accountid"/></Key>
        <Property Name="accountid" Type="Edm.Guid"/>
        <Property Name="name" Type="Edm.String" Unicode="false"/>
        <Property Name="accountnumber" Type="Edm.String" Unicode="false"/>
        <Property Name="revenue" Type="Edm.Decimal" Scale="Variable"/>
        <Property Name="numberofemployees" Type="Edm.Int32"/>
        <Property Name="creditonhold" Type="Edm.Boolean"/>
        <Property Name="createdon" Type="Edm.DateTimeOffset"/>
        <Property Name="versionnumber" Type="Edm.Int64"/>
        <Property Name="address1_latitude" Type="Edm.Double"/>
        <Property Name="_primarycontactid_value" Type="Edm.Guid"/>
        <NavigationProperty Name="primarycontactid" Type="mscrm.contact" Nullable="false" Partner="account_primary_contact">
          <ReferentialConstraint Property="_primarycontactid_value" ReferencedProperty="contactid"/>
        </NavigationProperty>
        <NavigationProperty Name="contact_customer_accounts" Type="Collection(mscrm.contact)" Partner="parentcustomerid_account"/>
      </EntityType>
      <EntityType Name="contact" BaseType="mscrm.crmbaseentity">
        <Key><PropertyRef Name="contactid"/></Key>
        <Property Name="contactid" Type="Edm.Guid"/>
        <Property Name="fullname" Type="Edm.String" Unicode="false"/>
        <Property Name="emailaddress1" Type="Edm.String" Unicode="false"/>
        <Property Name="birthdate" Type="Edm.Date"/>
      </EntityType>
      <EntityContainer Name="System">
        <EntitySet Name="accounts" EntityType="Microsoft.Dynamics.CRM.account">
          <NavigationPropertyBinding Path="primarycontactid" Target="contacts"/>
          <NavigationPropertyBinding Path="contact_customer_accounts" Target="contacts"/>
        </EntitySet>
        <EntitySet Name="contacts" EntityType="Microsoft.Dynamics.CRM.contact"/>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

/** A v4 service with an entity set without a key, a geography, an enumeration and a collection. */
export const ODD_V4_METADATA = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="Odd" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="Colour"><Member Name="Red" Value="0"/><Member Name="Green" Value="1"/></EnumType>
      <EntityType Name="Reading">
        <Property Name="sensor" Type="Edm.String" MaxLength="20"/>
        <Property Name="value" Type="Edm.Decimal" Precision="10" Scale="4"/>
      </EntityType>
      <EntityType Name="Place">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.Int64" Nullable="false"/>
        <Property Name="location" Type="Edm.GeographyPoint"/>
        <Property Name="colour" Type="Odd.Colour"/>
        <Property Name="tags" Type="Collection(Edm.String)"/>
        <Property Name="since" Type="Edm.Duration"/>
      </EntityType>
      <EntityContainer Name="Container">
        <EntitySet Name="Readings" EntityType="Odd.Reading"/>
        <EntitySet Name="Places" EntityType="Odd.Place">
          <Annotation Term="Org.OData.Capabilities.V1.DeleteRestrictions">
            <Record><PropertyValue Property="Deletable" Bool="false"/></Record>
          </Annotation>
        </EntitySet>
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;
