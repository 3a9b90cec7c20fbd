/**
 * The {@code clientyield} command line: {@code clientyield review <folder>} reads a CRM export
 * through a mapping, runs the review and writes its reports together (temporary files in the
 * target folder, moved into place only when every one is complete).
 */
@org.jspecify.annotations.NullMarked
package io.clientyield.cli.command;
