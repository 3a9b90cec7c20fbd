package io.clientyield.cli.command;

import io.clientyield.cli.crm.CrmExportException;
import io.clientyield.core.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code clientyield} command: {@code clientyield review <folder> [--out DIR]
 * [--as-of DATE] [--format html,json,text] [--mapping FILE]}. Exit codes: 0 done, 2 bad input
 * or usage (the message names file, line, column and value; no stack trace), 1 anything
 * unexpected.
 */
@Command(name = "clientyield", mixinStandardHelpOptions = true, version = "clientyield 0.1.0",
    description = "Reviews a CRM export by profitability.",
    subcommands = {ReviewCommand.class, CommandLine.HelpCommand.class})
public final class ClientyieldCommand implements Runnable {
  /** Exit code of a finished run. */
  public static final int OK = 0;
  /** Exit code of an unexpected failure. */
  public static final int FAILED = 1;
  /** Exit code of bad input or usage. */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

  /** Creates the command (picocli calls it). */
  public ClientyieldCommand() {}

  @Override
  public void run() {
    throw new CommandLine.ParameterException(java.util.Objects.requireNonNull(spec).commandLine(),
        "a subcommand is required: review");
  }

  /**
   * Returns the command line, with bad input mapped to exit code 2 and a one-line message.
   *
   * @return the command line; call {@code execute(args)} (set its out and err to capture them)
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new ClientyieldCommand());
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof CrmExportException || e instanceof ValidationException) {
        commandLine.getErr().println("clientyield: " + e.getMessage());
        return BAD_INPUT;
      }
      commandLine.getErr().println("clientyield: unexpected failure");
      e.printStackTrace(commandLine.getErr());
      return FAILED;
    });
    return cl;
  }

  /**
   * Runs the command and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
