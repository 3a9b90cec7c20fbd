/**
 * Report building blocks: the one number formatter ({@link io.clientyield.cli.report.Format}),
 * aligned console tables, charts drawn by JFreeChart and written as SVG by JFreeSVG, and a
 * self-contained responsive HTML page.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.cli.report;
