/**
 * Plain report building blocks for the examples: aligned console tables, clean SVG charts and a
 * self-contained HTML page. No charting dependency: each chart is a few dozen SVG elements.
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.cli.report;
