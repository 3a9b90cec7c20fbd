/**
 * Reading the bundled "CRM Sales Opportunities" export (CSV, through Jackson's CSV data format)
 * with stated rules for its flaws, and mapping its opportunities to the funnel's deals.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.cli.crm;
