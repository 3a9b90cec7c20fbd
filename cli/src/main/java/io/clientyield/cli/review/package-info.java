/**
 * The profitability review itself: runs every module over the export's deals and writes the
 * result as console text, an HTML page and {@code report.json}; also the worked examples of the
 * domain spec the export cannot show.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.cli.review;
